// The server's own state, open to anyone who can reach it, as its live page shows it before any credential is given;
// and the probes a process manager or load balancer asks.
import { restRoutes } from '#src/trpc/rest-route.ts';
import { z } from 'zod';
import { router, serverProcedure } from '#src/trpc/procedures.ts';
import { assertReady, notReady } from './probes.ts';
import { getServerStatus } from './queries.ts';
import { liveness, readiness, serverStatus } from './schemas.ts';

const route = restRoutes('server: probes');

export const serverRouter = router({
  status: serverProcedure.output(serverStatus).query(({ ctx }) => getServerStatus(ctx.em, ctx.now, ctx.services)),
  live: serverProcedure
    .meta(
      route('GET /livez', 'Liveness', {
        example: { response: { status: 'ok' } },
        description:
          'Answers 200 while the process serves requests; touches no database, so a database outage never fails it. For a liveness probe.',
      }),
    )
    .input(z.void())
    .output(liveness)
    .query(() => ({ status: 'ok' as const })),
  ready: serverProcedure
    .meta(
      route('GET /readyz', 'Readiness', {
        errors: [503],
        example: {
          response: { status: 'ready', database: 'up' },
          errors: [notReady('database: down'), notReady('shutting down')],
        },
        description:
          'Answers 200 when the database answers (within 2 s) and its migrations are applied; 503 otherwise, and from the moment a shutdown begins. For a readiness probe or a load balancer health check.',
      }),
    )
    .input(z.void())
    .output(readiness)
    .query(({ ctx }) => assertReady(ctx.em, ctx.services)),
});
