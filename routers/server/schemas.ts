// Response schema of the server's own state.
import { z } from 'zod';

export const serverStatus = z.object({
  version: z.string(),
  uptimeSeconds: z.number().int(),
  database: z.enum(['up', 'down']),
  liveConnections: z
    .number()
    .int()
    .meta({ description: 'Live WebSocket connections with a valid credential, on this instance' }),
});

export type ServerStatus = z.infer<typeof serverStatus>;

export const liveness = z.object({ status: z.literal('ok') });

export const readiness = z.object({ status: z.literal('ready'), database: z.literal('up') });
