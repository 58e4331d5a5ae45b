// Aurora statistics: dashboard totals, and hourly activity for the last 24 hours (cached five minutes).
import type { EntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import { auroraProcedure, router } from '#src/trpc/procedures.ts';
import { readSettings } from '../settings/service.ts';
import { isoTimestamp } from '../schemas.ts';

const tags = ['aurora: stats'];

const stats = z
  .object({
    totalUsers: z.number().int(),
    activeUsers: z.number().int(),
    totalEconomy: z.string().meta({ description: 'Sum of all user balances (bigint, decimal string)' }),
    transactions24h: z.number().int(),
    totalItems: z.number().int(),
    totalClasses: z.number().int(),
    openCases: z.number().int(),
    totalQuests: z.number().int(),
    liveConnections: z.number().int(),
    maintenanceMode: z.boolean(),
    uptimeSeconds: z.number().int(),
    timestamp: isoTimestamp,
  })
  .meta({ id: 'AuroraStats' });

const activityBucket = z.object({ hour: isoTimestamp, transactions: z.number().int(), cases: z.number().int() }).meta({ id: 'AuroraActivityHour' });
const activity = z.object({ buckets: z.array(activityBucket), generatedAt: isoTimestamp });
type Activity = z.infer<typeof activity>;

async function totals(em: EntityManager, now: Date) {
  const [row] = await em.execute<Record<string, string | number>[]>(
    `select (select count(*) from aurora.users) as users,
            (select count(*) from aurora.users where is_active) as active,
            (select coalesce(sum(balance), 0)::text from aurora.users) as economy,
            (select count(*) from aurora.transactions where created_at > ?) as transactions,
            (select count(*) from aurora.items) as items,
            (select count(*) from aurora.classes) as classes,
            (select count(*) from aurora.moderation_cases where active) as cases,
            (select count(*) from aurora.quests) as quests`,
    [new Date(now.getTime() - 24 * 3600_000)],
  );
  return row!;
}

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
  const buckets = Array.from({ length: 24 }, (_, index) => ({ hour: new Date(start + index * HOUR_MS).toISOString(), transactions: 0, cases: 0 }));
  for (const row of rows) {
    const bucket = buckets[row.bucket];
    if (bucket) bucket[row.source as 'transactions' | 'cases'] = Number(row.count);
  }
  return { buckets, generatedAt: now.toISOString() };
}

export const statsRouter = router({
  get: auroraProcedure
    .meta({ openapi: { method: 'GET', path: '/api/stats', tags, summary: 'Dashboard totals' } })
    .input(z.void())
    .output(stats)
    .query(async ({ ctx }) => {
      const now = ctx.now();
      const row = await totals(ctx.em, now);
      const settings = await readSettings(ctx.em);
      return {
        totalUsers: Number(row.users),
        activeUsers: Number(row.active),
        totalEconomy: String(row.economy),
        transactions24h: Number(row.transactions),
        totalItems: Number(row.items),
        totalClasses: Number(row.classes),
        openCases: Number(row.cases),
        totalQuests: Number(row.quests),
        liveConnections: 0,
        maintenanceMode: settings.system.maintenanceMode,
        uptimeSeconds: Math.floor((now.getTime() - ctx.services.startedAt.getTime()) / 1000),
        timestamp: now.toISOString(),
      };
    }),

  activity: auroraProcedure
    .meta({ openapi: { method: 'GET', path: '/api/stats/activity', tags, summary: 'Transactions and cases per hour, last 24 hours (cached five minutes; clear-cache drops it)' } })
    .input(z.void())
    .output(activity)
    .query(({ ctx }) => ctx.services.activityCache.get(ctx.now, () => hourlyActivity(ctx.em, ctx.now())) as Promise<Activity>),
});
