// Field schemas shared by both API families.
import { z } from 'zod';
import { nestsDeeperThan } from '#src/trpc/input-guard.ts';

/** How deep a free-form JSON field may nest: deeper is not data a game stores, and would strain whatever walks it. */
const MAX_JSON_DEPTH = 32;

/**
 * A free-form JSON object a client stores as it is (item usage data, case metadata, user settings). Its strings and
 * keys are checked by the input guard every call passes.
 */
export function jsonObject() {
  return z.record(z.string(), z.unknown()).refine((value) => !nestsDeeperThan(value, MAX_JSON_DEPTH), {
    message: `must not nest deeper than ${MAX_JSON_DEPTH} levels`,
  });
}

/** Text that PostgreSQL can store: no NUL characters, bounded length. */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !value.includes('\u0000'), { message: 'must not contain NUL characters' });
}

/** A name a person types: never empty. */
export function name(max: number) {
  return text(max).min(1);
}

/** An ISO-8601 date-time with its offset, as both APIs write timestamps. */
export const timestamp = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });

/**
 * A date-time as clients write them: `Z` or an offset, with or without seconds, with up to nine fraction digits (Java's
 * Instant, OffsetDateTime and ZonedDateTime strings without the zone id). Read as the ISO-8601 UTC string it names.
 */
export const timestampInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i, {
    message: 'must be an ISO-8601 date-time with Z or an offset',
  })
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'must be a real date and time' })
  .transform((value) => new Date(value).toISOString());

/**
 * Fields the matching GET returns that a PUT cannot change. A PUT input takes them, so a client may send back what it
 * read, and ignores them; being a strict object, it refuses any other key rather than dropping it silently.
 */
export function readOnlyFields<const Key extends string>(...keys: Key[]) {
  const ignored = z.unknown().optional().meta({ description: 'Read-only: accepted, and ignored' });
  return Object.fromEntries(keys.map((key) => [key, ignored])) as Record<Key, typeof ignored>;
}

/**
 * Where a live-event subscription resumes: after this event id, or from now when absent. Any non-negative integer is
 * an id; one past the newest event is refused as ahead, however large.
 */
export const lastEventIdInput = z
  .object({
    lastEventId: z
      .string()
      .regex(/^\d{1,64}$/, { message: 'must be a non-negative integer' })
      .nullish(),
  })
  .optional();

/** The largest value of PostgreSQL's integer, which serial ids and small counters are. */
export const INT4_MAX = 2_147_483_647;

/** A serial id as a JSON body gives it: a number, never a numeric string or a boolean. */
export const serialId = z.number().int().min(1).max(INT4_MAX);

/** A serial id in a path or query string, where it arrives as text. */
export const serialIdParameter = z.coerce.number<number>().int().min(1).max(INT4_MAX);

/** The input of a procedure that takes none: a REST call's query string and body are ignored. */
export const noInput = z.void();

/** The output of a procedure that answers 204 No Content. */
export const noContent = z.void();

/**
 * An update's input: the resource's key, and any of its writable fields, each optional; no other key. `fields` holds
 * no defaults, since a default inside an optional field would be applied to every update that leaves it out.
 */
export function updateOf<Fields extends z.ZodRawShape, Key extends z.ZodRawShape>(
  fields: z.ZodObject<Fields>,
  key: Key,
) {
  return z.strictObject({ ...key, ...fields.partial().shape });
}

/** The names a resource's columns give some of its request fields (`{ classId: 'class' }`); the rest keep theirs. */
type Renames<Shape> = { readonly [Key in keyof Shape]?: string };

/** A request's writable fields under their column names, each with the type the request gave it. */
type Columns<Fields, Shape, Renamed extends Renames<Shape>> = {
  [Key in keyof Fields & keyof Shape as Key extends keyof Renamed ? Renamed[Key] & string : Key]: Fields[Key];
};

/**
 * The mapper from a resource's writable fields, as a request names them, to its columns, derived from the one field
 * list. It takes only those fields, so a request's key, limits and read-only fields never reach a column, and an
 * absent field stays absent (`givenFields` then leaves it out of an update).
 */
export function columnMapper<Shape extends z.ZodRawShape, const Renamed extends Renames<Shape>>(
  fields: z.ZodObject<Shape>,
  renames: Renamed,
) {
  const names = Object.keys(fields.shape).map((key): [string, string] => [
    key,
    (renames as Record<string, string>)[key] ?? key,
  ]);
  return <Given extends Partial<z.output<z.ZodObject<Shape>>>>(given: Given): Columns<Given, Shape, Renamed> => {
    const columns: Record<string, unknown> = {};
    for (const [field, column] of names) columns[column] = (given as Record<string, unknown>)[field];
    return columns as Columns<Given, Shape, Renamed>;
  };
}
