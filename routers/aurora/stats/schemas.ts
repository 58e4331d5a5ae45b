// Response schemas of Aurora statistics.
import { z } from 'zod';
import { timestamp } from '../../shared/schemas.ts';

export const stats = z
  .object({
    totalUsers: z.number().int(),
    activeUsers: z.number().int(),
    totalEconomy: z.string().meta({ description: 'Sum of all user balances (bigint, decimal string)' }),
    transactions24h: z.number().int(),
    totalItems: z.number().int(),
    totalClasses: z.number().int(),
    openCases: z.number().int(),
    totalQuests: z.number().int(),
    liveConnections: z.number().int().meta({ description: 'Open live WebSocket connections on this instance' }),
    maintenanceMode: z.boolean(),
    uptimeSeconds: z.number().int(),
    timestamp: timestamp,
  })
  .meta({ id: 'AuroraStats' });

const activityHour = z
  .object({ hour: timestamp, transactions: z.number().int(), cases: z.number().int() })
  .meta({ id: 'AuroraActivityHour' });

export const activity = z.object({ buckets: z.array(activityHour), generatedAt: timestamp });

export type DashboardStats = z.infer<typeof stats>;
export type Activity = z.infer<typeof activity>;
