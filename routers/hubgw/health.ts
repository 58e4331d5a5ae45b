// HubGW health, the only HubGW route without an API key: the document's body, plus the database check.
import { restRoutes } from '#src/trpc/rest-route.ts';
import { z } from 'zod';
import { hubgwOpenProcedure } from './procedure.ts';
import { assertDatabaseUp, databaseDown, databaseCheck } from '../shared/health.ts';

const route = restRoutes('hubgw: health');

export const healthProcedure = hubgwOpenProcedure
  .meta(
    route('GET /api/v1/health/', 'Service health', {
      errors: [503],
      example: { response: { status: 'ok', database: 'up' }, errors: [databaseDown()] },
    }),
  )
  .input(z.void())
  .output(z.object({ status: z.literal('ok'), database: databaseCheck }))
  .query(async ({ ctx }) => ({ status: 'ok' as const, database: await assertDatabaseUp(ctx.em) }));
