// Typed queries over the entities: MikroORM's Kysely, named by entity and property, so the typechecker checks every
// table and column a query names. Bound to the EntityManager's transaction when it has one.
import type { EntityManager, EntitySchema, InferEntity, InferKyselyDB, Kysely } from '@mikro-orm/sql';
import type { Selectable } from 'kysely';
import type { entities } from '#entities/index.ts';
import { entityNaming } from '../../src/database/entity-naming.ts';

/** The entities as tables named by entity, with columns named by property. */
export type Database = InferKyselyDB<
  (typeof entities)[number],
  { tableNamingStrategy: 'entity'; columnNamingStrategy: 'property' }
>;

export type Db = Kysely<Database>;

/** A row of an entity's table as a typed query selects it: relations are their ids. */
export type Row<Entity extends keyof Database> = Selectable<Database[Entity]>;

/** What an entity without relations holds, by property: a loaded entity, or a row a typed query selected. */
export type Stored<Entity extends EntitySchema> = InferEntity<Entity>;

/**
 * Queries in the EntityManager's transaction, if it is in one, named by entity and property (see entity-naming.ts).
 * A column alias must not be a column name (`activeUserCount`, not `is_active`): rows are renamed by column name.
 */
export function db(em: EntityManager): Db {
  return em.getKysely<Database>().withPlugin(entityNaming(em.getMetadata()));
}
