// Field schemas and list helpers shared by Aurora procedures. Coerced numbers read query strings at run time and are
// typed as the numbers a typed client sends.
import { z } from 'zod';

export const INT64_MAX = 2n ** 63n - 1n;
const MAX_LIMIT = 1000;

/** A Discord snowflake, as a string. */
export const discordId = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits)');

/** Digits without a sign, exponent or leading zero: what the OpenAPI document gives generated clients as `pattern`. */
const DECIMAL = /^(0|[1-9]\d{0,18})$/;

// The pattern check aborts on failure, and the refinement checks again anyway: BigInt() must only see digits.
function decimalWithin(value: string, min: bigint): boolean {
  return DECIMAL.test(value) && BigInt(value) >= min && BigInt(value) <= INT64_MAX;
}

function decimalString(min: bigint) {
  const message = `must be an integer from ${min} to 9223372036854775807, in a string`;
  return z
    .string()
    .regex(DECIMAL, { message, abort: true })
    .refine((value) => decimalWithin(value, min), { message });
}

/** A non-negative bigint as a decimal string, within PostgreSQL's bigint. */
export const bigintString = decimalString(0n);

/** A positive bigint as a decimal string. */
export const positiveBigintString = decimalString(1n);

/** `limit`/`offset` as query strings carry them; a limit over 1000 is capped, not refused. */
export function pagination(defaultLimit: number) {
  return {
    limit: z.coerce
      .number<number>()
      .int()
      .min(0)
      .default(defaultLimit)
      .meta({ description: `At most ${MAX_LIMIT}: a larger value is read as ${MAX_LIMIT}` }),
    offset: z.coerce.number<number>().int().min(0).default(0),
  };
}

export function capped(limit: number): number {
  return Math.min(limit, MAX_LIMIT);
}

/** A boolean query parameter, spelled true or false. */
export const booleanParam = z.enum(['true', 'false']);
