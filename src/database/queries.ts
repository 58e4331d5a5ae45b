// Query mechanics every domain's typed queries share: JSON values, advisory locks, partial updates, pages with their
// total (built per call, or compiled once), LIKE patterns, and constraint violations turned into domain errors.
import type { EntityManager } from '@mikro-orm/sql';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { compiledOnce, type Param } from './compiled-once.ts';

/** A JSON value for a json column: an array would otherwise be sent as a PostgreSQL array. */
export function json<Value>(value: Value) {
  return sql<Value>`${JSON.stringify(value)}::jsonb`;
}

/**
 * Serialises the transactions that name the same key until they end; the one statement Kysely has no builder for.
 * Used where a rule reads before it writes (a per-owner limit) and a unique index alone cannot settle it.
 */
export async function lockKey(em: EntityManager, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(em.getKysely());
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

/**
 * `pageWithTotal` compiled once (compiled-once.ts): the filter and the page's shape are written with `param`
 * placeholders, and the page and the count are each compiled on first use, then run at once with each call's values.
 */
export function compiledPageWithTotal<DB, TB extends keyof DB, Params, Row>(
  filtered: (db: Kysely<DB>, param: Param<Params>) => SelectQueryBuilder<DB, TB, object>,
  page: (query: SelectQueryBuilder<DB, TB, object>, param: Param<Params>) => SelectQueryBuilder<DB, TB, Row>,
) {
  const rows = compiledOnce((db: Kysely<DB>, param: Param<Params>) => page(filtered(db, param), param));
  const count = compiledOnce((db: Kysely<DB>, param: Param<Params>) =>
    filtered(db, param).select(sql<string>`count(*)`.as('matchCount')),
  );
  return async (db: Kysely<DB>, params: Params): Promise<{ rows: Row[]; total: number }> => {
    const [found, counted] = await Promise.all([rows.execute(db, params), count.executeTakeFirst(db, params)]);
    if (counted === undefined) throw new Error('a count answered no row');
    return { rows: found, total: Number((counted as { matchCount: string }).matchCount) };
  };
}

/** The LIKE pattern that matches `text` anywhere, with LIKE's own wildcards in it escaped by a backslash. */
export function containingPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A LIKE pattern whose wildcards are escaped by a backslash, as `containingPattern` writes them. */
export function escapedPattern(pattern: string) {
  return sql<string>`${pattern} escape '\\'`;
}

/** An ILIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally. */
export function containing(text: string) {
  return escapedPattern(containingPattern(text));
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
