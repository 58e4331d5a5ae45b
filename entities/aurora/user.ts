// An economy user, keyed by Discord id. Money and counters are bigints that travel as decimal strings; deleting
// a class leaves its members without one.
import { defineEntity, p } from '@mikro-orm/core';
import { Class } from './class.ts';

export const User = defineEntity({
  name: 'User',
  schema: 'aurora',
  tableName: 'users',
  properties: {
    id: p.string().length(20).primary(),
    username: p.string().length(64),
    balance: p.bigint('string'),
    xp: p.bigint('string'),
    level: p.integer(),
    dailyStreak: p.integer(),
    // When the last daily reward was claimed: the UTC day it falls on decides the next claim and the streak.
    lastDailyAt: p.datetime().nullable(),
    isActive: p.boolean(),
    class: () => p.manyToOne(Class).nullable().deleteRule('set null').index('users_class_id_idx'),
    settings: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  // Serves the default listing (balance desc, id desc) straight from the index, read backwards.
  indexes: [{ name: 'users_balance_id_idx', properties: ['balance', 'id'] }],
  // Keep aurora.row_counts' user count for the list's total (the function is in the migration that adds them).
  triggers: (['insert', 'delete'] as const).map((event) => ({
    name: `users_count_${event}`,
    timing: 'after' as const,
    events: [event],
    forEach: 'statement' as const,
    expression: `create trigger "users_count_${event}" after ${event} on "aurora"."users" referencing ${
      event === 'insert' ? 'new table as inserted' : 'old table as deleted'
    } for each statement execute function "aurora"."count_users"()`,
  })),
  checks: [
    { name: 'users_balance_check', expression: 'balance >= 0' },
    { name: 'users_xp_check', expression: 'xp >= 0' },
    { name: 'users_level_check', expression: 'level >= 0' },
    { name: 'users_daily_streak_check', expression: 'daily_streak >= 0' },
  ],
});
