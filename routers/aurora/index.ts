// The Aurora family: one sub-router per resource.
import { router } from '#src/trpc/procedures.ts';
import { classesRouter } from './classes/router.ts';
import { healthProcedure } from './health.ts';
import { transactionsRouter } from './transactions/router.ts';
import { usersRouter } from './users/router.ts';

export const auroraRouter = router({
  health: healthProcedure,
  users: usersRouter,
  classes: classesRouter,
  transactions: transactionsRouter,
});
