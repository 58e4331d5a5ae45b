// Quest progress for the bot: assigning quests to users, reporting game events, and reading a user's quests
// (extensions; the document's quests are definitions only).
import { z } from 'zod';
import { auroraProcedure } from '#src/trpc/procedures.ts';
import { name } from '../../shared/schemas.ts';
import { discordId } from '../schemas.ts';
import { assignQuest, listUserQuests, reportEvent } from './progress.ts';
import { userQuest } from './schemas.ts';

const tags = ['aurora: quests'];

export const questProgressProcedures = {
  forUser: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/users/{userId}/quests',
        description: "Extension: a user's assigned quests with their progress.",
        tags,
        summary: "A user's quests with their progress",
        errorResponses: [400, 404],
      },
    })
    .input(z.object({ userId: discordId }))
    .output(z.object({ success: z.literal(true), data: z.array(userQuest) }))
    .query(async ({ ctx, input }) => ({ success: true as const, data: await listUserQuests(ctx.em, input.userId) })),

  assign: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/users/{userId}/quests',
        tags,
        summary: 'Give a user a quest',
        description:
          'At most quests.maxActive uncompleted quests per user (409 limit_exceeded), and never the same quest twice (409 already_exists).',
        errorResponses: [400, 404, 409],
      },
      status: 201,
    })
    .input(z.object({ userId: discordId, questId: z.number().int().min(1).max(2_147_483_647) }))
    .output(z.object({ success: z.literal(true), data: userQuest }))
    .mutation(async ({ ctx, input }) => ({
      success: true as const,
      data: await assignQuest(ctx.em, input.userId, input.questId, ctx.now()),
    })),

  triggerEvent: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/quests/events',
        tags,
        summary: 'Report a game event: advances the matching quests and pays those it completes (QUEST_REWARD)',
        description:
          "A quest matches when its triggerEvent is the event, or the event's prefix up to a colon (ITEM_COLLECT matches ITEM_COLLECT:101). Progress grows by weight (default 1) up to the target; a quest completes once, adding its XP and balance, and the level follows the XP by leveling.baseXp × (level − 1)^exponent.",
        errorResponses: [400, 404],
      },
    })
    .input(z.object({ userId: discordId, event: name(200), weight: z.number().int().min(1).max(1_000_000).default(1) }))
    .output(
      z.object({
        success: z.literal(true),
        quests: z.array(userQuest),
        completed: z.array(z.number().int()),
        user: z.object({ id: z.string(), balance: z.string(), xp: z.string(), level: z.number().int() }),
      }),
    )
    .mutation(async ({ ctx, input }) => ({ success: true as const, ...(await reportEvent(ctx.em, input, ctx.now())) })),
};
