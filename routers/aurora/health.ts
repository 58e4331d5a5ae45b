// Aurora liveness probe, open even when an admin token is configured.
import { z } from 'zod';
import { publicProcedure } from '#src/trpc/procedures.ts';

export const healthProcedure = publicProcedure
  .meta({ openapi: { method: 'GET', path: '/api/health', tags: ['aurora: health'], protect: false, summary: 'Server health' } })
  .input(z.void())
  .output(z.object({ status: z.literal('ok'), timestamp: z.number().int().meta({ description: 'Epoch milliseconds' }) }))
  .query(() => ({ status: 'ok' as const, timestamp: Date.now() }));
