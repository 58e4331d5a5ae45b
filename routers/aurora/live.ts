// Aurora live views over WebSocket: a stats snapshot at once and then every interval, and every change made through
// the API, resumable from lastEventId.
import { setTimeout as sleep } from 'node:timers/promises';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from './procedure.ts';
import { eventsSubscription } from '../shared/live-events.ts';
import type { AuroraEvent } from './resources.ts';
import { dashboardStats } from './stats/queries.ts';

export const auroraLiveRouter = router({
  stats: auroraProcedure.subscription(async function* ({ ctx, signal }) {
    // The timer lives inside this subscription, so nothing runs while nobody is subscribed.
    while (!signal?.aborted) {
      yield await dashboardStats(ctx.orm.em.fork(), ctx.now(), ctx.services);
      await sleep(ctx.services.statsIntervalMs, undefined, { signal }).catch(() => undefined);
    }
  }),

  events: eventsSubscription<AuroraEvent>(auroraProcedure, 'aurora'),
});
