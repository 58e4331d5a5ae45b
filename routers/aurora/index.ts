// The Aurora family: one sub-router per resource.
import { router } from '#src/trpc/procedures.ts';
import { healthProcedure } from './health.ts';

export const auroraRouter = router({
  health: healthProcedure,
});
