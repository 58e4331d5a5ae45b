// Aurora statistics: dashboard totals, and hourly activity for the last 24 hours (cached five minutes).
import { timestamp } from '../../shared/schemas.ts';
import type { EntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import { auroraProcedure, router } from '#src/trpc/procedures.ts';
import { noInput } from '../../shared/schemas.ts';
import { stats } from './schemas.ts';
import { dashboardStats } from './service.ts';

const tags = ['aurora: stats'];

const activityBucket = z
  .object({ hour: timestamp, transactions: z.number().int(), cases: z.number().int() })
  .meta({ id: 'AuroraActivityHour' });
const activity = z.object({ buckets: z.array(activityBucket), generatedAt: timestamp });
type Activity = z.infer<typeof activity>;

const HOUR_MS = 3600_000;

async function hourlyActivity(em: EntityManager, now: Date): Promise<Activity> {
  const end = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS;
  const start = end - 24 * HOUR_MS;
  const rows = await em.execute<{ bucket: number; source: string; count: string | number }[]>(
    `select floor(extract(epoch from created_at) * 1000 / ${HOUR_MS})::int - ? as bucket, 'transactions' as source, count(*) as count
       from aurora.transactions where created_at >= ? and created_at < ? group by 1
     union all
     select floor(extract(epoch from created_at) * 1000 / ${HOUR_MS})::int - ? as bucket, 'cases' as source, count(*) as count
       from aurora.moderation_cases where created_at >= ? and created_at < ? group by 1`,
    [start / HOUR_MS, new Date(start), new Date(end), start / HOUR_MS, new Date(start), new Date(end)],
  );
  const buckets = Array.from({ length: 24 }, (_, index) => ({
    hour: new Date(start + index * HOUR_MS).toISOString(),
    transactions: 0,
    cases: 0,
  }));
  for (const row of rows) {
    const bucket = buckets[row.bucket];
    if (bucket) bucket[row.source as 'transactions' | 'cases'] = Number(row.count);
  }
  return { buckets, generatedAt: now.toISOString() };
}

export const statsRouter = router({
  get: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/stats',
        description: 'Gets the full dashboard statistics.',
        tags,
        summary: 'Dashboard totals',
      },
    })
    .input(noInput)
    .output(stats)
    .query(({ ctx }) => dashboardStats(ctx.em, ctx.now(), ctx.services)),

  activity: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/stats/activity',
        description: 'Gets the activity aggregation, cached for five minutes.',
        tags,
        summary: 'Transactions and cases per hour, last 24 hours (cached five minutes; clear-cache drops it)',
      },
    })
    .input(noInput)
    .output(activity)
    .query(
      ({ ctx }) =>
        ctx.services.activityCache.get(ctx.now, () => hourlyActivity(ctx.em, ctx.now())) as Promise<Activity>,
    ),
});
