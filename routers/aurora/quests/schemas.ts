// Request and response schemas of Aurora quests, and of a quest's progress for one user.
import { z } from 'zod';
import { INT4_MAX, name, serialId, serialIdParameter, text, timestamp, updateOf } from '../../shared/schemas.ts';
import { discordId } from '../schemas.ts';

export const quest = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    triggerEvent: z.string(),
    requirements: z.object({ target: z.number().int() }),
    rewards: z.object({ xp: z.number().int(), balance: z.number().int() }),
  })
  .meta({ id: 'Quest' });

export type QuestResponse = z.infer<typeof quest>;

const reward = z.number().int().min(0).max(INT4_MAX);
const target = z.number().int().min(1).max(INT4_MAX);
/** A quest's writable fields, flat as the seed writes them, listed once: creation fills in the rewards. */
const writableFields = z.object({
  name: name(100),
  description: text(2000).nullable().optional(),
  triggerEvent: name(100),
  target,
  xpReward: reward,
  balanceReward: reward,
});
const questId = serialIdParameter;

export const createQuestInput = writableFields.extend({
  xpReward: reward.default(0),
  balanceReward: reward.default(0),
});

/**
 * A quest's changes, flat as the seed writes them or nested as GET returns them (`requirements.target`,
 * `rewards.xp`, `rewards.balance`); `questChanges` reads both, a flat field winning over its nested form.
 */
export const updateQuestInput = updateOf(writableFields, { id: questId }).extend({
  requirements: z.strictObject({ target: target.optional() }).optional(),
  rewards: z.strictObject({ xp: reward.optional(), balance: reward.optional() }).optional(),
});

/** The columns an update changes, each absent one left out; the id only names the quest. */
export function questChanges({ id: _id, requirements, rewards, ...flat }: z.infer<typeof updateQuestInput>) {
  return {
    ...flat,
    target: flat.target ?? requirements?.target,
    xpReward: flat.xpReward ?? rewards?.xp,
    balanceReward: flat.balanceReward ?? rewards?.balance,
  };
}

export const userQuest = z
  .object({
    userId: z.string(),
    questId: z.number().int(),
    progress: z.number().int(),
    target: z.number().int(),
    completed: z.boolean(),
    assignedAt: timestamp,
    completedAt: timestamp.nullable(),
    quest,
  })
  .meta({ id: 'UserQuest' });

export const questList = z.object({ success: z.literal(true), data: z.array(quest) });

export const questResult = z.object({ success: z.literal(true), data: quest });

export const questIdInput = z.object({ id: questId });

export const questHolderInput = z.object({ userId: discordId });

export const userQuestList = z.object({ success: z.literal(true), data: z.array(userQuest) });

export const assignQuestInput = z.object({ userId: discordId, questId: serialId });

export const userQuestResult = z.object({ success: z.literal(true), data: userQuest });

export const questEventInput = z.object({
  userId: discordId,
  event: name(200),
  weight: z.number().int().min(1).max(1_000_000).default(1),
});

export const questEventOutcome = z.object({
  success: z.literal(true),
  quests: z.array(userQuest),
  completed: z.array(z.number().int()),
  user: z.object({ id: z.string(), balance: z.string(), xp: z.string(), level: z.number().int() }),
});

export type UserQuestResponse = z.infer<typeof userQuest>;
export type CreateQuestInput = z.infer<typeof createQuestInput>;
export type UpdateQuestInput = z.infer<typeof updateQuestInput>;
export type AssignQuestInput = z.infer<typeof assignQuestInput>;
export type QuestEventInput = z.infer<typeof questEventInput>;
export type QuestEventOutcome = z.infer<typeof questEventOutcome>;
