// The server's own state, open to anyone who can reach it, as its live page shows it before any credential is given.
import { z } from 'zod';
import { publicProcedure, router } from '#src/trpc/procedures.ts';
import { assertDatabaseUp } from '../shared/health.ts';

const serverStatus = z.object({
  version: z.string(),
  uptimeSeconds: z.number().int(),
  database: z.enum(['up', 'down']),
  liveConnections: z
    .number()
    .int()
    .meta({ description: 'Live WebSocket connections with a valid credential, on this instance' }),
});

export const serverRouter = router({
  status: publicProcedure.output(serverStatus).query(async ({ ctx }) => ({
    version: ctx.services.version,
    uptimeSeconds: Math.floor((ctx.now().getTime() - ctx.services.startedAt.getTime()) / 1000),
    database: await assertDatabaseUp(ctx.em).catch(() => 'down' as const),
    liveConnections: ctx.services.liveConnections(),
  })),
});
