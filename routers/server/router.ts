// The server's own state, open to anyone who can reach it, as its live page shows it before any credential is given.
import { publicProcedure, router } from '#src/trpc/procedures.ts';
import { getServerStatus } from './queries.ts';
import { serverStatus } from './schemas.ts';

export const serverRouter = router({
  status: publicProcedure.output(serverStatus).query(({ ctx }) => getServerStatus(ctx.em, ctx.now, ctx.services)),
});
