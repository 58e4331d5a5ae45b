// Quests as the API shows them, the flat columns nested into requirements and rewards; and a user's quests.
import type { EntityManager } from '@mikro-orm/sql';
import { db, type Row } from '../../shared/database.ts';
import { userNotFound } from '../errors.ts';
import { userExists } from '../users/queries.ts';
import type { QuestResponse, UserQuestResponse } from './schemas.ts';

export function toQuest(quest: Row<'Quest'>): QuestResponse {
  return {
    id: quest.id,
    name: quest.name,
    description: quest.description,
    triggerEvent: quest.triggerEvent,
    requirements: { target: quest.target },
    rewards: { xp: quest.xpReward, balance: quest.balanceReward },
  };
}

/** A user's quest with the quest it follows, as a query joining both selects it. */
export type HeldQuest = Row<'Quest'> & { holder: string; progress: number; assignedAt: Date; completedAt: Date | null };

export function toUserQuest({ holder, progress, assignedAt, completedAt, ...quest }: HeldQuest): UserQuestResponse {
  return {
    userId: holder,
    questId: quest.id,
    progress,
    target: quest.target,
    completed: completedAt !== null,
    assignedAt: assignedAt.toISOString(),
    completedAt: completedAt?.toISOString() ?? null,
    quest: toQuest(quest),
  };
}

export async function listQuests(em: EntityManager) {
  const rows = await db(em).selectFrom('Quest').selectAll().orderBy('id').execute();
  return { success: true as const, data: rows.map(toQuest) };
}

function heldQuests(em: EntityManager, userId: string) {
  return db(em)
    .selectFrom('UserQuest as uq')
    .innerJoin('Quest as q', 'q.id', 'uq.quest')
    .selectAll('q')
    .select(['uq.user as holder', 'uq.progress', 'uq.assignedAt', 'uq.completedAt'])
    .where('uq.user', '=', userId);
}

export async function listUserQuests(em: EntityManager, userId: string) {
  if (!(await userExists(em, userId))) throw userNotFound(userId);
  const rows = await heldQuests(em, userId).orderBy('uq.assignedAt').orderBy('q.id').execute();
  return { success: true as const, data: rows.map(toUserQuest) };
}

/** One quest the caller knows the user holds. */
export async function getUserQuest(em: EntityManager, userId: string, questId: number): Promise<UserQuestResponse> {
  return toUserQuest(await heldQuests(em, userId).where('uq.quest', '=', questId).executeTakeFirstOrThrow());
}
