// The dashboard's totals (shared by GET /api/stats and the live stats subscription), and hourly activity.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Clock, Services } from '#src/trpc/context.ts';
import { db } from '../../shared/database.ts';
import { readSettings } from '../settings/queries.ts';
import type { ActivityCache } from './activity-cache.ts';
import type { Activity, DashboardStats } from './schemas.ts';

const HOUR_MS = 3600_000;

export async function dashboardStats(em: EntityManager, now: Date, services: Services): Promise<DashboardStats> {
  const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
  const [totals, settings] = await Promise.all([
    db(em)
      .selectNoFrom((select) => {
        const count = select.fn.countAll<string>().as('count');
        return [
          select.selectFrom('User').select(count).as('userCount'),
          select.selectFrom('User').select(count).where('isActive', '=', true).as('activeUserCount'),
          select.selectFrom('User').select(sql<string>`coalesce(sum(balance), 0)::text`.as('sum')).as('economyTotal'),
          select.selectFrom('Transaction').select(count).where('createdAt', '>', dayAgo).as('transactionCount'),
          select.selectFrom('Item').select(count).as('itemCount'),
          select.selectFrom('Class').select(count).as('classCount'),
          select.selectFrom('ModerationCase').select(count).where('active', '=', true).as('openCaseCount'),
          select.selectFrom('Quest').select(count).as('questCount'),
        ];
      })
      .executeTakeFirstOrThrow(),
    readSettings(em),
  ]);
  return {
    totalUsers: Number(totals.userCount),
    activeUsers: Number(totals.activeUserCount),
    totalEconomy: String(totals.economyTotal),
    transactions24h: Number(totals.transactionCount),
    totalItems: Number(totals.itemCount),
    totalClasses: Number(totals.classCount),
    openCases: Number(totals.openCaseCount),
    totalQuests: Number(totals.questCount),
    liveConnections: services.liveConnections(),
    maintenanceMode: settings.system.maintenanceMode,
    uptimeSeconds: Math.floor((now.getTime() - services.startedAt.getTime()) / 1000),
    timestamp: now.toISOString(),
  };
}

/** Rows created in [start, end), counted by the hour since the epoch they fall in. */
function countByHour(em: EntityManager, table: 'Transaction' | 'ModerationCase', start: Date, end: Date) {
  // Epoch hours rather than date_trunc, which would follow the session's time zone.
  const hour = sql<number>`floor(extract(epoch from created_at) / 3600)::int`;
  return db(em)
    .selectFrom(table)
    .select([hour.as('hour'), (select) => select.fn.countAll<string>().as('count')])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .groupBy(hour)
    .execute();
}

/** Transactions and moderation cases per hour over the 24 hours up to the end of the current one. */
async function hourlyActivity(em: EntityManager, now: Date): Promise<Activity> {
  const end = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS;
  const start = end - 24 * HOUR_MS;
  const buckets = Array.from({ length: 24 }, (_, index) => ({
    hour: new Date(start + index * HOUR_MS).toISOString(),
    transactions: 0,
    cases: 0,
  }));
  const [transactions, cases] = await Promise.all([
    countByHour(em, 'Transaction', new Date(start), new Date(end)),
    countByHour(em, 'ModerationCase', new Date(start), new Date(end)),
  ]);
  for (const [source, rows] of [
    ['transactions', transactions],
    ['cases', cases],
  ] as const) {
    for (const row of rows) {
      const bucket = buckets[row.hour - start / HOUR_MS];
      if (bucket) bucket[source] = Number(row.count);
    }
  }
  return { buckets, generatedAt: now.toISOString() };
}

/** Hourly activity from the cache, computed afresh at most once per the cache's lifetime. */
export function cachedActivity(em: EntityManager, now: Clock, cache: ActivityCache): Promise<Activity> {
  return cache.get(now, () => hourlyActivity(em, now()));
}
