// HubGW live view over WebSocket: punishments, whitelist and warps as they change, so game servers learn of a ban
// at once; resumable from lastEventId.
import { router } from '#src/trpc/procedures.ts';
import { eventsSubscription } from '../shared/live-events.ts';
import { hubgwProcedure } from './procedure.ts';
import type { HubgwEvent } from './resources.ts';

export const hubgwLiveRouter = router({
  events: eventsSubscription<HubgwEvent>(hubgwProcedure, 'hubgw'),
});
