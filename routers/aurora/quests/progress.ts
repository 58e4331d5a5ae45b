// Quest progress per user. Every change takes the user's row lock first, so one user's events and assignments run
// one at a time: the active-quest limit holds, and a quest completes, and pays, exactly once.
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { countRows, isoFromTimestamptz, translateViolations } from '../../shared/sql.ts';
import { credit } from '../economy/ledger.ts';
import { levelForXp } from '../economy/leveling.ts';
import { INT64_MAX } from '../schemas.ts';
import { readSettings } from '../settings/queries.ts';
import { toQuest, type QuestRow } from './queries.ts';
import type { UserQuestResponse } from './schemas.ts';
import { userNotFound } from '../errors.ts';
import { userExists } from '../users/queries.ts';

const USER_QUEST_SELECT = `
  select uq.user_id as "userId", uq.progress, uq.assigned_at as "assignedAt", uq.completed_at as "completedAt",
         q.id, q.name, q.description, q.trigger_event, q.target, q.xp_reward, q.balance_reward
  from aurora.user_quests uq join aurora.quests q on q.id = uq.quest_id`;

type UserQuestRow = QuestRow & { userId: string; progress: number; assignedAt: string; completedAt: string | null };

function toUserQuest({ userId, progress, assignedAt, completedAt, ...quest }: UserQuestRow): UserQuestResponse {
  return {
    userId,
    questId: quest.id,
    progress,
    target: quest.target,
    completed: completedAt !== null,
    assignedAt: isoFromTimestamptz(assignedAt),
    completedAt: completedAt === null ? null : isoFromTimestamptz(completedAt),
    quest: toQuest(quest),
  };
}

interface Standing {
  balance: string;
  xp: string;
  level: number;
}

async function lockUser(tx: EntityManager, userId: string): Promise<Standing> {
  const rows = await tx.execute<Standing[]>(
    'select balance::text as balance, xp::text as xp, level from aurora.users where id = ? for update',
    [userId],
  );
  if (!rows[0]) throw userNotFound(userId);
  return rows[0];
}

export async function listUserQuests(em: EntityManager, userId: string): Promise<UserQuestResponse[]> {
  if (!(await userExists(em, userId))) throw userNotFound(userId);
  const rows = await em.execute<UserQuestRow[]>(
    `${USER_QUEST_SELECT} where uq.user_id = ? order by uq.assigned_at, q.id`,
    [userId],
  );
  return rows.map(toUserQuest);
}

export function assignQuest(em: EntityManager, userId: string, questId: number, now: Date): Promise<UserQuestResponse> {
  return em.transactional(async (tx) => {
    await lockUser(tx, userId);
    const { maxActive } = (await readSettings(tx)).quests;
    const active = await countRows(
      tx,
      'select count(*) from aurora.user_quests where user_id = ? and completed_at is null',
      [userId],
    );
    if (active >= maxActive)
      throw new AppError('limit_exceeded', 'Too many active quests', {
        reason: `a user holds at most ${maxActive} active quests`,
      });
    const inserted = await translateViolations(
      () =>
        tx.execute(
          'insert into aurora.user_quests (user_id, quest_id, progress, assigned_at) values (?, ?, 0, ?) on conflict (user_id, quest_id) do nothing returning quest_id',
          [userId, questId, now],
        ),
      {
        user_quests_quest_id_foreign: () =>
          new AppError('not_found', 'Quest not found', { reason: `no quest with id ${questId}` }),
      },
    );
    if (inserted.length === 0)
      throw new AppError('already_exists', 'Quest already assigned', {
        reason: `quest ${questId} was given to this user before`,
      });
    const rows = await tx.execute<UserQuestRow[]>(`${USER_QUEST_SELECT} where uq.user_id = ? and uq.quest_id = ?`, [
      userId,
      questId,
    ]);
    return toUserQuest(rows[0]!);
  });
}

/** Adds the completed quests' XP and raises the level to match; a level set higher by an admin is kept. */
async function payExperience(
  tx: EntityManager,
  userId: string,
  before: Standing,
  completed: UserQuestRow[],
  now: Date,
): Promise<Standing> {
  const gained = completed.reduce((sum, quest) => sum + BigInt(quest.xp_reward), BigInt(before.xp));
  // XP saturates at the column's limit rather than refusing a reward already earned.
  // biome-ignore lint/complexity/useMathMinMax: these are bigints, which Math.min does not take
  const xp = gained < INT64_MAX ? gained : INT64_MAX;
  const level = Math.max(before.level, levelForXp(xp, (await readSettings(tx)).leveling, before.level));
  const [row] = await tx.execute<{ balance: string }[]>(
    'update aurora.users set xp = ?, level = ?, updated_at = ? where id = ? returning balance::text as balance',
    [xp.toString(), level, now, userId],
  );
  return { balance: row!.balance, xp: xp.toString(), level };
}

export interface QuestEvent {
  userId: string;
  event: string;
  weight: number;
}

export interface EventOutcome {
  quests: UserQuestResponse[];
  completed: number[];
  user: { id: string; balance: string; xp: string; level: number };
}

/**
 * Advances every open quest of the user whose trigger is the event itself or a prefix of it ending at a colon
 * (`ITEM_COLLECT` matches `ITEM_COLLECT:101`), then pays the quests this event completed.
 */
export function reportEvent(em: EntityManager, input: QuestEvent, now: Date): Promise<EventOutcome> {
  return em.transactional(async (tx) => {
    const before = await lockUser(tx, input.userId);
    const advanced = await tx.execute<UserQuestRow[]>(
      `with advanced as (
         update aurora.user_quests uq
         set progress = least(uq.progress::bigint + ?, q.target)::int,
             completed_at = case when uq.progress::bigint + ? >= q.target then ?::timestamptz end
         from aurora.quests q
         where q.id = uq.quest_id and uq.user_id = ? and uq.completed_at is null
           and (q.trigger_event = ? or left(?, length(q.trigger_event) + 1) = q.trigger_event || ':')
         returning uq.*
       )
       select a.user_id as "userId", a.progress, a.assigned_at as "assignedAt", a.completed_at as "completedAt",
              q.id, q.name, q.description, q.trigger_event, q.target, q.xp_reward, q.balance_reward
       from advanced a join aurora.quests q on q.id = a.quest_id order by q.id`,
      [input.weight, input.weight, now, input.userId, input.event, input.event],
    );
    // Every row returned was open before this event, so a completion time means this event completed it.
    const completed = advanced.filter((row) => row.completedAt !== null);
    for (const quest of completed) {
      if (quest.balance_reward > 0) {
        await credit(
          tx,
          { userId: input.userId, type: 'QUEST_REWARD', description: `Quest reward: ${quest.name}` },
          BigInt(quest.balance_reward),
          now,
        );
      }
    }
    const user = completed.length === 0 ? before : await payExperience(tx, input.userId, before, completed, now);
    return {
      quests: advanced.map(toUserQuest),
      completed: completed.map((quest) => quest.id),
      user: { id: input.userId, ...user },
    };
  });
}
