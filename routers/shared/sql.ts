// Helpers for SQL whose rows are returned close to their API shape.
import type { EntityManager } from '@mikro-orm/sql';

/**
 * PostgreSQL's text form of a timestamptz (`2024-01-01 12:00:00.123456+00`, as the ORM's type parsers leave it)
 * as the API's ISO-8601 UTC string. Formatting in JS rather than with to_char() keeps that work off the database.
 */
export function isoFromTimestamptz(text: string): string {
  const iso = text.replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(iso) ? `${iso}:00` : iso).toISOString();
}

/** A timestamptz column's text as a Date. */
export function dateFromTimestamptz(text: string): Date {
  return new Date(isoFromTimestamptz(text));
}

/** The same row with each named timestamptz column (when not null) as an ISO string. */
export function withIsoTimestamps<Row extends Record<string, unknown>>(row: Row, columns: readonly (keyof Row)[]): Row {
  const copy: Record<string, unknown> = { ...row };
  for (const column of columns) {
    const value = row[column];
    if (typeof value === 'string') copy[column as string] = isoFromTimestamptz(value);
    else if (value instanceof Date) copy[column as string] = value.toISOString();
  }
  return copy as Row;
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Runs a `select count(*) …` and returns the count as a number. */
export async function countRows(em: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await em.execute<{ count: string | number }[]>(sql, params);
  return Number(rows[0]?.count ?? 0);
}

/** One filter of a list query: its SQL condition and that condition's parameters, or null when the filter is unset. */
export type Filter = [condition: string, ...params: unknown[]] | null;

/** `where a and b` over the filters that are set, with their parameters in order; empty when none is. */
export function whereOf(filters: Filter[]): { where: string; params: unknown[] } {
  const set = filters.filter((filter): filter is NonNullable<Filter> => filter !== null);
  return {
    where: set.length > 0 ? `where ${set.map(([condition]) => condition).join(' and ')}` : '',
    params: set.flatMap(([, ...params]) => params),
  };
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
