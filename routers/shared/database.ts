// The domain's typed queries: both families' entities as tables, for MikroORM's Kysely (see typed-queries.ts).
import type { EntityManager, EntitySchema, InferEntity, Kysely } from '@mikro-orm/sql';
import type { Compilable, Selectable } from 'kysely';
import { compiledOnce, type Param } from '#src/database/compiled-once.ts';
import { entityNaming } from '#src/database/entity-naming.ts';
import type { TypedDatabase } from '#src/database/typed-queries.ts';
import type { entities } from '#entities/index.ts';

export type Database = TypedDatabase<(typeof entities)[number]>;

export type Db = Kysely<Database>;

/** A row of an entity's table as a typed query selects it: relations are their ids. */
export type Row<Entity extends keyof Database> = Selectable<Database[Entity]>;

/** What an entity without relations holds, by property: a loaded entity, or a row a typed query selected. */
export type Stored<Entity extends EntitySchema> = InferEntity<Entity>;

/**
 * Each Kysely that MikroORM hands out (the pool's one, or a transaction's) with the naming plugin, made once: Kysely's
 * `withPlugin` copies and freezes the instance and its executor, which every hot read paid again per call.
 */
const named = new WeakMap<object, Db>();

/** Queries in the EntityManager's transaction, if it is in one, named by entity and property. */
export function db(em: EntityManager): Db {
  const base = em.getKysely<Database>();
  let found = named.get(base);
  if (!found) {
    found = base.withPlugin(entityNaming(em.getMetadata()));
    named.set(base, found);
  }
  return found;
}

export type { Param };

/**
 * A hot query (a read, or a write of one statement) written with the typed builder, compiled once (compiled-once.ts)
 * and run on `db(em)` with new values: in the EntityManager's transaction, if it is in one.
 */
export function compiledQuery<Params, Row>(build: (db: Db, param: Param<Params>) => Compilable<Row>) {
  const query = compiledOnce(build);
  return {
    execute: (em: EntityManager, params: Params) => query.execute(db(em), params),
    executeTakeFirst: (em: EntityManager, params: Params) => query.executeTakeFirst(db(em), params),
  };
}

/**
 * Compiled queries, one set per shape of call (which filters it gives, its order, a list of types that is part of the
 * SQL), made on first use: each shape is its own SQL text. A shape holds only such flags and names, never a call's
 * values, so there are few of them and the queries built from one fit every call of that shape.
 */
export function compiledPerShape<Shape extends Record<string, boolean | string | readonly string[]>, Queries>(
  make: (shape: Shape) => Queries,
) {
  const made = new Map<string, Queries>();
  return (shape: Shape): Queries => {
    const key = JSON.stringify(shape);
    let queries = made.get(key);
    if (!queries) {
      queries = make(shape);
      made.set(key, queries);
    }
    return queries;
  };
}
