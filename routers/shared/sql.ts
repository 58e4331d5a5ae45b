// Helpers for read queries that return rows close to their API shape.

/**
 * PostgreSQL's text form of a timestamptz (`2024-01-01 12:00:00.123456+00`, as the ORM's type parsers leave it)
 * as the API's ISO-8601 UTC string. Formatting in JS rather than with to_char() keeps that work off the database.
 */
export function isoFromTimestamptz(text: string): string {
  const iso = text.replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(iso) ? `${iso}:00` : iso).toISOString();
}
