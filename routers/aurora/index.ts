// The Aurora family: its resources, its health, and the live view of their changes.
import { router } from '#src/trpc/procedures.ts';
import { healthProcedure } from './health.ts';
import { auroraLiveRouter } from './live.ts';
import { auroraResources } from './resources.ts';

export const auroraRouter = router({
  health: healthProcedure,
  ...auroraResources,
  live: auroraLiveRouter,
});
