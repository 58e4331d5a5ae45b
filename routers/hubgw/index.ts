// The HubGW family: one sub-router per resource.
import { router } from '#src/trpc/procedures.ts';
import { healthProcedure } from './health.ts';
import { homesRouter } from './homes/router.ts';

export const hubgwRouter = router({
  health: healthProcedure,
  homes: homesRouter,
});
