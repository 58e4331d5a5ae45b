// Quest definitions, and quest progress per user. Every progress change takes the user's row lock first, so one
// user's events and assignments run one at a time: the active-quest limit holds, and a quest completes, and pays,
// exactly once.
import { type EntityManager, LockMode } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { Quest } from '#entities/aurora/quest.ts';
import { User } from '#entities/aurora/user.ts';
import { UserQuest } from '#entities/aurora/user-quest.ts';
import { AppError } from '#src/errors.ts';
import type { Publish } from '#src/events/publish.ts';
import { db } from '../../shared/database.ts';
import { expectTouched, givenFields, translateViolations } from '#src/database/queries.ts';
import { credit } from '../economy/ledger.ts';
import { levelForXp } from '../economy/leveling.ts';
import { questNotFound, userNotFound } from '../errors.ts';
import { INT64_MAX } from '../schemas.ts';
import { readSettings } from '../settings/queries.ts';
import { levelUp } from '../users/events.ts';
import { getUserQuest, type HeldQuest, toQuest, toUserQuest } from './queries.ts';
import {
  type AssignQuestInput,
  type CreateQuestInput,
  type QuestEventInput,
  type QuestEventOutcome,
  questChanges,
  type UpdateQuestInput,
} from './schemas.ts';

export async function createQuest(em: EntityManager, input: CreateQuestInput, now: Date) {
  const created = await db(em)
    .insertInto('Quest')
    .values({ ...input, description: input.description ?? null, createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { success: true as const, data: toQuest(created) };
}

export async function updateQuest(em: EntityManager, input: UpdateQuestInput, now: Date) {
  const updated = await db(em)
    .updateTable('Quest')
    .set({ ...givenFields(questChanges(input)), updatedAt: now })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw questNotFound(input.id);
  return { success: true as const, data: toQuest(updated) };
}

export async function deleteQuest(em: EntityManager, id: number): Promise<void> {
  expectTouched(await em.nativeDelete(Quest, { id }), () => questNotFound(id));
}

function lockUser(tx: EntityManager, userId: string) {
  return tx
    .findOne(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['balance', 'xp', 'level'] })
    .then((user) => user ?? Promise.reject(userNotFound(userId)));
}

export function assignQuest(em: EntityManager, { userId, questId }: AssignQuestInput, now: Date) {
  return em.transactional(async (tx) => {
    await lockUser(tx, userId);
    const { maxActive } = (await readSettings(tx)).quests;
    if ((await tx.count(UserQuest, { user: userId, completedAt: null })) >= maxActive) {
      throw AppError.explained(
        'limit_exceeded',
        'Too many active quests',
        `a user holds at most ${maxActive} active quests`,
      );
    }
    const assigned = await translateViolations(
      () =>
        db(tx)
          .insertInto('UserQuest')
          .values({ user: userId, quest: questId, progress: 0, assignedAt: now })
          .onConflict((conflict) => conflict.columns(['user', 'quest']).doNothing())
          .returning('quest')
          .executeTakeFirst(),
      { user_quests_quest_id_foreign: () => questNotFound(questId) },
    );
    if (!assigned) {
      throw AppError.explained(
        'already_exists',
        'Quest already assigned',
        `quest ${questId} was given to this user before`,
      );
    }
    return { success: true as const, data: await getUserQuest(tx, userId, questId) };
  });
}

/** Adds the completed quests' XP and raises the level to match; a level set higher by an admin is kept. */
async function payExperience(tx: EntityManager, user: { xp: string; level: number }, completed: HeldQuest[]) {
  const gained = completed.reduce((sum, quest) => sum + BigInt(quest.xpReward), BigInt(user.xp));
  // XP saturates at the column's limit rather than refusing a reward already earned.
  // biome-ignore lint/complexity/useMathMinMax: these are bigints, which Math.min does not take
  const xp = gained < INT64_MAX ? gained : INT64_MAX;
  const level = Math.max(user.level, levelForXp(xp, (await readSettings(tx)).leveling, user.level));
  return { xp: xp.toString(), level };
}

/**
 * Advances every open quest of the user whose trigger is the event itself or a prefix of it ending at a colon
 * (`ITEM_COLLECT` matches `ITEM_COLLECT:101`), in one statement, then pays the quests this event completed. A user
 * the XP lifts to a higher level is published as `users.levelUp`.
 */
export function reportEvent(
  em: EntityManager,
  input: QuestEventInput,
  now: Date,
  publish: Publish,
): Promise<QuestEventOutcome> {
  return em.transactional(async (tx) => {
    const user = await lockUser(tx, input.userId);
    // The updated table goes unaliased: MikroORM's plugin names an aliased UPDATE target's columns by property.
    const reached = sql`user_quests.progress::bigint + ${input.weight}`;
    const advanced = await db(tx)
      .updateTable('UserQuest')
      .from('Quest as q')
      .set({
        progress: sql<number>`least(${reached}, q.target)::int`,
        completedAt: sql<Date>`case when ${reached} >= q.target then ${now}::timestamptz end`,
      })
      .whereRef('q.id', '=', 'UserQuest.quest')
      .where('UserQuest.user', '=', input.userId)
      .where('UserQuest.completedAt', 'is', null)
      .where((where) =>
        where.or([
          where('q.triggerEvent', '=', input.event),
          where(sql`left(${input.event}, length(q.trigger_event) + 1)`, '=', sql`q.trigger_event || ':'`),
        ]),
      )
      .returningAll('q')
      .returning(['UserQuest.user as holder', 'UserQuest.progress', 'UserQuest.assignedAt', 'UserQuest.completedAt'])
      .execute();
    advanced.sort((a, b) => a.id - b.id);
    // Every row returned was open before this event, so a completion time means this event completed it.
    const completed = advanced.filter((quest) => quest.completedAt !== null);
    for (const quest of completed) {
      if (quest.balanceReward > 0) {
        await credit(
          tx,
          { userId: input.userId, type: 'QUEST_REWARD', description: `Quest reward: ${quest.name}` },
          BigInt(quest.balanceReward),
          now,
        );
      }
    }
    const standing =
      completed.length === 0
        ? { balance: user.balance, xp: user.xp, level: user.level }
        : await db(tx)
            .updateTable('User')
            .set({ ...(await payExperience(tx, user, completed)), updatedAt: now })
            .where('id', '=', input.userId)
            .returning(['balance', 'xp', 'level'])
            .executeTakeFirstOrThrow();
    if (standing.level > user.level) {
      const reached = { userId: input.userId, previousLevel: user.level, level: standing.level, xp: standing.xp };
      await publish(tx, levelUp, reached);
    }
    return {
      success: true,
      quests: advanced.map(toUserQuest),
      completed: completed.map((quest) => quest.id),
      user: { id: input.userId, ...standing },
    };
  });
}
