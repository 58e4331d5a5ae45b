// Field schemas and list helpers shared by Aurora procedures.
import { z } from 'zod';

export const INT64_MAX = 2n ** 63n - 1n;
export const MAX_LIMIT = 1000;

/** A Discord snowflake, as a string. */
export const discordId = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits)');

const DECIMAL = /^(0|[1-9]\d{0,18})$/;

// zod runs every check even after one fails, so each refinement parses only what the pattern admits.
function decimalWithin(value: string, min: bigint): boolean {
  return DECIMAL.test(value) && BigInt(value) >= min && BigInt(value) <= INT64_MAX;
}

/** A non-negative bigint as a decimal string, within PostgreSQL's bigint. */
export const bigintString = z
  .string()
  .refine((value) => decimalWithin(value, 0n), { message: 'must be an integer from 0 to 9223372036854775807, in a string' });

/** A positive bigint as a decimal string. */
export const positiveBigintString = z
  .string()
  .refine((value) => decimalWithin(value, 1n), { message: 'must be an integer from 1 to 9223372036854775807, in a string' });

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
