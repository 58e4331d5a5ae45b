// What the server persists: the entities, the migrations that make their tables, and how long the tables that grow
// with use keep their rows (README, "Retention").
import { entities } from './entities/index.ts';
import type { Persistence } from './src/database/orm-options.ts';

export const persistence: Persistence = {
  entities,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  growingTables: ({ auditDays, teleportHistoryDays }) => [
    // Every command of every player: the one table a busy network fills by millions of rows a day.
    { table: 'hubgw.command_audit', retention: { column: 'executed_at', days: auditDays } },
    { table: 'hubgw.teleport_history', retention: { column: 'created_at', days: teleportHistoryDays } },
    // The money ledger: every balance is the sum of its movements, and a dispute needs all of them. Kept.
    { table: 'aurora.transactions', retention: null },
    // A moderation case is a member's record; warnings and bans are judged by the history. Kept.
    { table: 'aurora.moderation_cases', retention: null },
  ],
};
