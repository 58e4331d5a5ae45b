// Aurora health, open even when an admin token is configured: the document's body, plus the database check.
import { restRoutes } from '#src/trpc/rest-route.ts';
import { z } from 'zod';
import { auroraOpenProcedure } from './procedure.ts';
import { assertDatabaseUp, databaseCheck, databaseDown } from '../shared/health.ts';

const route = restRoutes('aurora: health');

export const healthProcedure = auroraOpenProcedure
  .meta(
    route('GET /api/health', 'Server health', {
      errors: [503],
      example: { response: { status: 'ok', timestamp: 1704067200000, database: 'up' }, errors: [databaseDown()] },
    }),
  )
  .input(z.void())
  .output(
    z.object({
      status: z.literal('ok'),
      timestamp: z.number().int().meta({ description: 'Epoch milliseconds' }),
      database: databaseCheck,
    }),
  )
  .query(async ({ ctx }) => ({
    status: 'ok' as const,
    timestamp: Date.now(),
    database: await assertDatabaseUp(ctx.em),
  }));
