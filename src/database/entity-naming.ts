// Typed queries name entities and properties; the database has schemas, tables and columns. This Kysely plugin
// turns the one into the other in the query, and in the rows turns columns back into properties, timestamps into
// Dates and bigints into the decimal strings the entities hold, from maps built once from the ORM's metadata.
// MikroORM's own plugin does the same but rebuilds its maps on every query, which doubled the CPU of a hot read, and
// it drops the entity's schema. Values stay bound parameters, so a call site's SQL text is the same on every call and
// a PostgreSQL connection prepares it once (preparing-client.ts); inlined, each call was a new text to parse and plan.
import type { MetadataStorage } from '@mikro-orm/sql';
import {
  type ColumnNode,
  IdentifierNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SchemableIdentifierNode,
  type UnknownRow,
} from 'kysely';
import { timestampOf } from './timestamptz.ts';

/** How a column's value is read: as it comes, as a Date from timestamptz text, or as a bigint's decimal string. */
type Decode = 'as-is' | 'timestamp' | 'decimal';

interface ReadColumn {
  property: string;
  decode: Decode;
}

interface Naming {
  tables: Map<string, { schema: string | undefined; table: string }>;
  /** Property to column. One column per property name across all entities, checked when the maps are built. */
  columnOf: Map<string, string>;
  /** Per entity, column to property and how to read it (entities may differ: `user_id` is `user` or `userId`). */
  readsOf: Map<string, Map<string, ReadColumn>>;
}

function decodeOf(prop: { runtimeType: string; type: string }): Decode {
  if (prop.runtimeType === 'Date') return 'timestamp';
  if (prop.runtimeType === 'string' && prop.type === 'BigIntType') return 'decimal';
  return 'as-is';
}

function namingOf(metadata: MetadataStorage): Naming {
  const naming: Naming = { tables: new Map(), columnOf: new Map(), readsOf: new Map() };
  for (const meta of metadata) {
    naming.tables.set(meta.className, { schema: meta.schema, table: meta.tableName });
    const reads = new Map<string, ReadColumn>();
    for (const prop of meta.props) {
      const column = prop.fieldNames?.length === 1 ? prop.fieldNames[0] : undefined;
      if (column === undefined) continue;
      const known = naming.columnOf.get(prop.name);
      if (known !== undefined && known !== column)
        throw new Error(`property '${prop.name}' is column '${known}' and '${column}'`);
      naming.columnOf.set(prop.name, column);
      reads.set(column, { property: prop.name, decode: decodeOf(prop) });
    }
    naming.readsOf.set(meta.className, reads);
  }
  return naming;
}

/** Renames one query's entities and properties, noting the entities it names in the order it meets them. */
class EntityNames extends OperationNodeTransformer {
  readonly #naming: Naming;
  readonly entities: string[] = [];

  constructor(naming: Naming) {
    super();
    this.#naming = naming;
  }

  protected override transformSchemableIdentifier(node: SchemableIdentifierNode): SchemableIdentifierNode {
    const found = node.schema ? undefined : this.#naming.tables.get(node.identifier.name);
    if (!found) return node;
    if (!this.entities.includes(node.identifier.name)) this.entities.push(node.identifier.name);
    return {
      ...node,
      schema: found.schema === undefined ? undefined : IdentifierNode.create(found.schema),
      identifier: IdentifierNode.create(found.table),
    };
  }

  protected override transformColumn(node: ColumnNode): ColumnNode {
    const column = this.#naming.columnOf.get(node.column.name);
    return column === undefined || column === node.column.name
      ? node
      : { ...node, column: IdentifierNode.create(column) };
  }
}

function decoded(value: unknown, decode: Decode): unknown {
  // The ORM's type parser leaves timestamptz as PostgreSQL's text.
  if (decode === 'timestamp' && typeof value === 'string') return timestampOf(value);
  // PostgreSQL's driver gives int8 as text; PGlite gives a number, or a BigInt past 2^53: both print exactly.
  if (decode === 'decimal' && (typeof value === 'number' || typeof value === 'bigint')) return String(value);
  return value;
}

function rowOf(row: UnknownRow, reads: Map<string, ReadColumn>): UnknownRow {
  const named: UnknownRow = {};
  for (const column in row) {
    const read = reads.get(column);
    named[read?.property ?? column] = read ? decoded(row[column], read.decode) : row[column];
  }
  return named;
}

/** How to read the columns of a query that named `entities`: where two differ, the one it named first (its FROM). */
function readsFor(naming: Naming, entities: string[]): Map<string, ReadColumn> {
  const reads = new Map<string, ReadColumn>();
  for (const entity of entities) {
    for (const [column, read] of naming.readsOf.get(entity)!) if (!reads.has(column)) reads.set(column, read);
  }
  return reads;
}

const plugins = new WeakMap<MetadataStorage, KyselyPlugin>();

/** The plugin for an ORM's entities, built on first use. */
export function entityNaming(metadata: MetadataStorage): KyselyPlugin {
  let plugin = plugins.get(metadata);
  if (!plugin) {
    const naming = namingOf(metadata);
    const readsByEntities = new Map<string, Map<string, ReadColumn>>();
    // Kysely hands transformResult the query id transformQuery saw: the key to what that query named.
    const readsByQuery = new WeakMap<object, Map<string, ReadColumn>>();
    plugin = {
      transformQuery: ({ node, queryId }: PluginTransformQueryArgs): RootOperationNode => {
        const names = new EntityNames(naming);
        const transformed = names.transformNode(node);
        const key = names.entities.join(',');
        let reads = readsByEntities.get(key);
        if (!reads) {
          reads = readsFor(naming, names.entities);
          readsByEntities.set(key, reads);
        }
        readsByQuery.set(queryId, reads);
        return transformed;
      },
      transformResult: async ({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => {
        const reads = readsByQuery.get(queryId);
        return !reads || result.rows.length === 0
          ? result
          : { ...result, rows: result.rows.map((row) => rowOf(row, reads)) };
      },
    };
    plugins.set(metadata, plugin);
  }
  return plugin;
}
