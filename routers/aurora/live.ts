// Aurora live views over WebSocket: a stats snapshot at once and then every interval, and every change made through
// the API, resumable from lastEventId.
import { tracked } from '@trpc/server';
import { eventStream } from '#src/trpc/announced.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from './procedure.ts';
import { lastEventIdInput } from '../shared/schemas.ts';
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

  events: auroraProcedure
    .input(lastEventIdInput)
    .output(eventStream<AuroraEvent>())
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const event of ctx.services.events.subscribe(
        'aurora',
        input?.lastEventId ?? null,
        signal,
        ctx.socket,
      )) {
        // Only the family's announced mutations write its events, each with its path as type and its output as data.
        yield tracked(event.id, event as AuroraEvent);
      }
    }),
});
