// Typed queries over the entities: MikroORM's Kysely, named by entity and property, so the typechecker checks every
// table and column a query names. Bound to the EntityManager's transaction when it has one.
import {
  type EntityManager,
  type EntitySchema,
  type InferEntity,
  type InferKyselyDB,
  type Kysely,
  MikroKyselyPlugin,
} from '@mikro-orm/sql';
import {
  IdentifierNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type RootOperationNode,
  type SchemableIdentifierNode,
  type Selectable,
  type SelectQueryBuilder,
  sql,
} from 'kysely';
import { entities } from '#entities/index.ts';

const NAMING = { tableNamingStrategy: 'entity', columnNamingStrategy: 'property', convertValues: true } as const;

export type Database = InferKyselyDB<(typeof entities)[number], typeof NAMING>;

const SCHEMA_OF_ENTITY = new Map(entities.map((entity) => [entity.meta.className, entity.meta.schema]));

/** MikroORM's plugin renames an entity to its table but drops the entity's schema; this puts it back first. */
class EntitySchemas extends OperationNodeTransformer {
  protected override transformSchemableIdentifier(node: SchemableIdentifierNode): SchemableIdentifierNode {
    const schema = node.schema ? undefined : SCHEMA_OF_ENTITY.get(node.identifier.name);
    return schema ? { ...node, schema: IdentifierNode.create(schema) } : node;
  }
}

const entitySchemas: KyselyPlugin = {
  transformQuery: ({ node }): RootOperationNode => new EntitySchemas().transformNode(node),
  transformResult: async ({ result }) => result,
};

export type Db = Kysely<Database>;

/** A row of an entity's table as a typed query selects it: relations are their ids. */
export type Row<Entity extends keyof Database> = Selectable<Database[Entity]>;

/** What an entity without relations holds, by property: a loaded entity, or a row a typed query selected. */
export type Stored<Entity extends EntitySchema> = InferEntity<Entity>;

/**
 * Queries in the EntityManager's transaction, if it is in one. No alias may be a property name of an entity the query
 * names (a table alias `u`, not `user`; a column alias `activeUserCount`, not `active`): MikroORM's plugin reads such an
 * alias as that property, and converts its value to the property's type.
 */
export function db(em: EntityManager): Db {
  return em.getKysely<Database>().withPlugin(entitySchemas).withPlugin(new MikroKyselyPlugin(em, NAMING));
}

/**
 * Serialises the transactions that name the same key until they end; the one statement Kysely has no builder for.
 * Used where a rule reads before it writes (a per-owner limit) and a unique index alone cannot settle it.
 */
export async function lockKey(em: EntityManager, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db(em));
}

/** The fields that are given, for an update that leaves the others as they are; `null` is given, `undefined` is not. */
export function givenFields<Fields extends object>(
  fields: Fields,
): { [K in keyof Fields]?: Exclude<Fields[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof Fields]?: Exclude<Fields[K], undefined>;
  };
}

/** Throws `notFound()` when a delete or update touched no row: the one statement both finds and changes it. */
export function expectTouched(touched: number | bigint, notFound: () => Error): void {
  if (Number(touched) === 0) throw notFound();
}

/**
 * One page of a filtered query, and how many rows the filter matches in all: the page as `page` shapes it (columns,
 * order, limit), the count from the same filter, both at once.
 */
export async function pageWithTotal<DB, TB extends keyof DB, Row>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  page: (query: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<{ rows: Row[]; total: number }> {
  const [rows, counted] = await Promise.all([
    page(filtered).execute(),
    filtered.select(sql<string>`count(*)`.as('matchCount')).executeTakeFirstOrThrow() as Promise<{
      matchCount: string;
    }>,
  ]);
  return { rows, total: Number(counted.matchCount) };
}

/** An ILIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally. */
export function containing(text: string) {
  return sql<string>`${`%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`} escape '\\'`;
}

/**
 * Runs a write and turns a violation of one of the named constraints into the domain error given for it, so the
 * database, not a read before the write, decides: a row deleted meanwhile is caught too.
 */
export async function translateViolations<T>(write: () => Promise<T>, errors: Record<string, () => Error>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = (error as { constraint?: unknown }).constraint;
    const translate = typeof constraint === 'string' ? errors[constraint] : undefined;
    throw translate ? translate() : error;
  }
}
