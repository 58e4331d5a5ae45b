// Field schemas and list helpers shared by Aurora procedures.
import { z } from 'zod';
import { text } from '../shared/schemas.ts';

const INT64_MAX = 2n ** 63n - 1n;
export const MAX_LIMIT = 1000;

/** A Discord snowflake, as a string. */
export const discordId = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits)');

/** A non-negative bigint as a decimal string, within PostgreSQL's bigint. */
export const bigintString = z
  .string()
  .regex(/^(0|[1-9]\d*)$/, 'must be a non-negative integer in a string')
  .refine((value) => value.length < 20 && BigInt(value) <= INT64_MAX, { message: 'must be at most 9223372036854775807' });

/** A positive bigint as a decimal string. */
export const positiveBigintString = bigintString.refine((value) => BigInt(value) > 0n, { message: 'must be greater than 0' });

export const label = (max: number) => text(max).min(1);

/** `limit`/`offset` as query strings carry them; a limit over 1000 is capped, not refused. */
export function pagination(defaultLimit: number) {
  return {
    limit: z.coerce.number().int().min(0).default(defaultLimit),
    offset: z.coerce.number().int().min(0).default(0),
  };
}

export function capped(limit: number): number {
  return Math.min(limit, MAX_LIMIT);
}

/** A boolean query parameter, spelled true or false. */
export const booleanParam = z.enum(['true', 'false']);

export const isoTimestamp = z.iso.datetime({ offset: true });
