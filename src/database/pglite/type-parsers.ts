// The type parsers of PGlite's process: the ones MikroORM gives a PGlite it creates itself
// (`createPostgreSqlTypeParsers` of `@mikro-orm/sql`), so values come back as its PostgreSQL driver reads them: dates,
// timestamps and intervals as their text, their arrays as arrays of text. Written out here, since importing
// `@mikro-orm/sql` would load all of MikroORM into that process; `tests/server/embedded-database-memory.test.ts`
// holds the two to the same answers.
import array from 'postgres-array';

/** date, timestamp, timestamptz, interval. */
const AS_TEXT = [1082, 1114, 1184, 1186];
/** Their arrays. */
const AS_ARRAY_OF_TEXT = [1182, 1115, 1185, 1187];

const asText = (text: string) => text;
const asArrayOfText = (text: string) => array.parse(text);

export const TYPE_PARSERS: Record<number, (text: string) => unknown> = Object.fromEntries([
  ...AS_TEXT.map((oid) => [oid, asText]),
  ...AS_ARRAY_OF_TEXT.map((oid) => [oid, asArrayOfText]),
]);
