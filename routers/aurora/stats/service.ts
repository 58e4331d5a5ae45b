// The dashboard's totals, shared by GET /api/stats and the live stats subscription.
import type { EntityManager } from '@mikro-orm/sql';
import type { Services } from '#src/trpc/context.ts';
import { readSettings } from '../settings/queries.ts';
import type { DashboardStats } from './schemas.ts';

export async function dashboardStats(em: EntityManager, now: Date, services: Services): Promise<DashboardStats> {
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
  const settings = await readSettings(em);
  return {
    totalUsers: Number(row!.users),
    activeUsers: Number(row!.active),
    totalEconomy: String(row!.economy),
    transactions24h: Number(row!.transactions),
    totalItems: Number(row!.items),
    totalClasses: Number(row!.classes),
    openCases: Number(row!.cases),
    totalQuests: Number(row!.quests),
    liveConnections: services.liveConnections(),
    maintenanceMode: settings.system.maintenanceMode,
    uptimeSeconds: Math.floor((now.getTime() - services.startedAt.getTime()) / 1000),
    timestamp: now.toISOString(),
  };
}
