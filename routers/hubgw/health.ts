// HubGW health, the only HubGW route without an API key: the document's body, plus the database check.
import { z } from 'zod';
import { hubgwOpenProcedure } from './procedure.ts';
import { assertDatabaseUp, databaseCheck } from '../shared/health.ts';

export const healthProcedure = hubgwOpenProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/api/v1/health/',
      description: 'Checks that the service is working.',
      tags: ['hubgw: health'],
      summary: 'Service health',
      errorResponses: [503],
    },
  })
  .input(z.void())
  .output(z.object({ status: z.literal('ok'), database: databaseCheck }))
  .query(async ({ ctx }) => ({ status: 'ok' as const, database: await assertDatabaseUp(ctx.em) }));
