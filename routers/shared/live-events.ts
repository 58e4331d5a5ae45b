// A family's live-event subscription: every change its announced mutations commit, in commit order, resumable from
// lastEventId, typed as the family's event union.
import { tracked } from '@trpc/server';
import { eventStream } from '#src/trpc/announced.ts';
import type { procedure } from '#src/trpc/procedures.ts';
import { lastEventIdInput } from './schemas.ts';

export function eventsSubscription<Event>(base: typeof procedure, family: string) {
  return base
    .input(lastEventIdInput)
    .output(eventStream<Event>())
    .subscription(async ({ ctx, input, signal }) => {
      // Awaited before the subscription is reported started: from then on every commit reaches the subscriber.
      const events = await ctx.services.events.subscribe(family, input?.lastEventId ?? null, signal, ctx.socket);
      return (async function* () {
        // Only the family's announced mutations write its events, each with its path as type and its output as data.
        for await (const event of events) yield tracked(event.id, event as Event);
      })();
    });
}
