// A quest: progress advances on its trigger event until the target, then it pays its rewards.
import { defineEntity, p } from '@mikro-orm/core';

export const Quest = defineEntity({
  name: 'Quest',
  schema: 'aurora',
  tableName: 'quests',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(100),
    description: p.text().nullable(),
    triggerEvent: p.string().length(100),
    target: p.integer(),
    xpReward: p.integer(),
    balanceReward: p.integer(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  checks: [
    { name: 'quests_target_check', expression: 'target > 0' },
    { name: 'quests_rewards_check', expression: 'xp_reward >= 0 and balance_reward >= 0' },
  ],
});
