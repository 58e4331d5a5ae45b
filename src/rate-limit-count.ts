// The table RateLimiterPostgres counts in, made by a migration rather than by the library at runtime: UNLOGGED, since
// counts of a minute's window are not worth a WAL write and may be lost in a crash. Its columns are the library's.
import { defineEntity, p } from '@mikro-orm/core';

export const RATE_LIMIT_TABLE = 'rate_limit_counts';

export const RateLimitCount = defineEntity({
  name: 'RateLimitCount',
  tableName: RATE_LIMIT_TABLE,
  properties: {
    key: p.string().length(255).primary(),
    points: p.integer().default(0),
    /** Epoch milliseconds at which the key's window ends. */
    expire: p.bigint('number').nullable(),
  },
});
