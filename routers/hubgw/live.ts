// HubGW live view over WebSocket: punishments, whitelist and warps as they change, so game servers learn of a ban
// at once; resumable from lastEventId.
import { tracked } from '@trpc/server';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from './procedure.ts';
import { lastEventIdInput } from '../shared/schemas.ts';

export const hubgwLiveRouter = router({
  events: hubgwProcedure.input(lastEventIdInput).subscription(async function* ({ ctx, input, signal }) {
    for await (const event of ctx.services.events.subscribe('hubgw', input?.lastEventId ?? null, signal, ctx.socket)) {
      yield tracked(event.id, event);
    }
  }),
});
