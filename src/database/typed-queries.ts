// Typed queries over entities: MikroORM's Kysely, named by entity and property, so the typechecker checks every
// table and column a query names.
import type { InferKyselyDB } from '@mikro-orm/sql';

/**
 * Entities as tables named by entity, with columns named by property: what `em.getKysely<TypedDatabase<...>>()`
 * with the entityNaming plugin (entity-naming.ts) queries, in the EntityManager's transaction when it has one. A
 * column alias must not be a column name (`activeUserCount`, not `is_active`): rows are renamed by column name.
 */
export type TypedDatabase<Entities extends { name: string }> = InferKyselyDB<
  Entities,
  { tableNamingStrategy: 'entity'; columnNamingStrategy: 'property' }
>;
