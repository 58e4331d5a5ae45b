// Aurora health, open even when an admin token is configured: the document's body, plus the database check.
import { z } from 'zod';
import { auroraOpenProcedure } from './procedure.ts';
import { assertDatabaseUp, databaseCheck } from '../shared/health.ts';

export const healthProcedure = auroraOpenProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/api/health',
      description: 'Returns the server health status.',
      tags: ['aurora: health'],
      summary: 'Server health',
      errorResponses: [503],
    },
  })
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
