// A quest assigned to a user: progress counts matching events up to the quest's target, and completion is stamped
// once, when the rewards are paid. A user is given each quest at most once.
import { defineEntity, p } from '@mikro-orm/core';
import { Quest } from './quest.ts';
import { User } from './user.ts';

export const UserQuest = defineEntity({
  name: 'UserQuest',
  schema: 'aurora',
  tableName: 'user_quests',
  properties: {
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    quest: () => p.manyToOne(Quest).primary().deleteRule('cascade').index('user_quests_quest_id_idx'),
    progress: p.integer(),
    assignedAt: p.datetime(),
    completedAt: p.datetime().nullable(),
  },
  checks: [{ name: 'user_quests_progress_check', expression: 'progress >= 0' }],
});
