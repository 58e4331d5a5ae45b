// The examples of Aurora's dashboard statistics: what a small server's dashboard shows.
import type { RouteExample } from '#src/trpc/route-example.ts';

export const statsExamples = {
  get: {
    response: {
      totalUsers: 2,
      activeUsers: 2,
      totalEconomy: '3000',
      transactions24h: 4,
      totalItems: 1,
      totalClasses: 1,
      openCases: 1,
      totalQuests: 1,
      liveConnections: 0,
      maintenanceMode: false,
      uptimeSeconds: 3600,
      timestamp: '2024-01-15T12:00:00.000Z',
    },
  },
  activity: {
    response: {
      buckets: [
        { hour: '2024-01-15T11:00:00.000Z', transactions: 3, cases: 0 },
        { hour: '2024-01-15T12:00:00.000Z', transactions: 1, cases: 1 },
      ],
      generatedAt: '2024-01-15T12:00:00.000Z',
    },
  },
} satisfies Record<string, RouteExample>;
