// HubGW live view over WebSocket: punishments, whitelist and warps as they change, so game servers learn of a ban
// at once; resumable from lastEventId.
import { tracked } from '@trpc/server';
import { eventStream } from '#src/trpc/announced.ts';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from './procedure.ts';
import { lastEventIdInput } from '../shared/schemas.ts';
import type { HubgwEvent } from './resources.ts';

export const hubgwLiveRouter = router({
  events: hubgwProcedure
    .input(lastEventIdInput)
    .output(eventStream<HubgwEvent>())
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const event of ctx.services.events.subscribe(
        'hubgw',
        input?.lastEventId ?? null,
        signal,
        ctx.socket,
      )) {
        // Only the family's announced mutations write its events, each with its path as type and its output as data.
        yield tracked(event.id, event as HubgwEvent);
      }
    }),
});
