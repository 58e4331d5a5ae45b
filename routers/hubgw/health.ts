// HubGW liveness probe; the only HubGW route without an API key.
import { z } from 'zod';
import { publicProcedure } from '#src/trpc/procedures.ts';

export const healthProcedure = publicProcedure
  .meta({ openapi: { method: 'GET', path: '/api/v1/health/', tags: ['hubgw: health'], protect: false, summary: 'Service health' } })
  .input(z.void())
  .output(z.object({ status: z.literal('ok') }))
  .query(() => ({ status: 'ok' as const }));
