// Hourly activity is computed at most once per five minutes, on every instance; a clear-cache action drops it
// everywhere.
import type { DomainStart } from '#src/domain.ts';
import { TtlCache } from '#src/ttl-cache.ts';
import type { Activity } from './schemas.ts';

const ACTIVITY_TTL_MS = 5 * 60 * 1000;

export type ActivityCache = TtlCache<Activity>;

declare module '#src/trpc/context.ts' {
  interface DomainServices {
    activityCache: ActivityCache;
  }
}

export function startActivityCache({ onClearCaches }: DomainStart): ActivityCache {
  const cache = new TtlCache<Activity>(ACTIVITY_TTL_MS);
  onClearCaches(() => cache.clear());
  return cache;
}
