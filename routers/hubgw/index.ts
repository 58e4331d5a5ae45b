// The HubGW family: its resources, its health, and the live view of their changes.
import { router } from '#src/trpc/procedures.ts';
import { healthProcedure } from './health.ts';
import { hubgwLiveRouter } from './live.ts';
import { hubgwResources } from './resources.ts';

export const hubgwRouter = router({
  health: healthProcedure,
  ...hubgwResources,
  live: hubgwLiveRouter,
});
