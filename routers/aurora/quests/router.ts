// Aurora quests: definitions (the document's flat body in, nested requirements and rewards out, inside
// {success, data}), and quest progress for the bot: assigning quests, reporting game events, reading a user's quests
// (extensions; the document's quests are definitions only).
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noContent, noInput } from '../../shared/schemas.ts';
import { listQuests, listUserQuests } from './queries.ts';
import {
  assignQuestInput,
  createQuestInput,
  questEventInput,
  questEventOutcome,
  questHolderInput,
  questIdInput,
  questList,
  questResult,
  updateQuestInput,
  userQuestList,
  userQuestResult,
} from './schemas.ts';
import { assignQuest, createQuest, deleteQuest, reportEvent, updateQuest } from './service.ts';

const tags = ['aurora: quests'];

export const questsRouter = router({
  list: auroraProcedure
    .meta({
      openapi: { method: 'GET', path: '/api/quests', description: 'Lists all quests.', tags, summary: 'All quests' },
    })
    .input(noInput)
    .output(questList)
    .query(({ ctx }) => listQuests(ctx.em)),

  create: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/quests',
        description: 'Creates a new quest.',
        tags,
        summary: 'Create a quest',
        errorResponses: [400],
      },
      status: 201,
    })
    .input(createQuestInput)
    .output(questResult)
    .mutation(({ ctx, input }) => createQuest(ctx.em, input, ctx.now())),

  update: auroraProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/api/quests/{id}',
        tags,
        summary: 'Change given fields of a quest',
        description:
          'Flat as POST takes them, or nested as GET returns them (requirements.target, rewards.xp, rewards.balance).',
        errorResponses: [400, 404],
      },
    })
    .input(updateQuestInput)
    .output(questResult)
    .mutation(({ ctx, input }) => updateQuest(ctx.em, input, ctx.now())),

  delete: auroraProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/api/quests/{id}',
        description: 'Deletes a quest.',
        tags,
        summary: 'Delete a quest',
        errorResponses: [400, 404],
      },
      status: 204,
    })
    .input(questIdInput)
    .output(noContent)
    .mutation(({ ctx, input }) => deleteQuest(ctx.em, input.id)),

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
    .input(questHolderInput)
    .output(userQuestList)
    .query(({ ctx, input }) => listUserQuests(ctx.em, input.userId)),

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
    .input(assignQuestInput)
    .output(userQuestResult)
    .mutation(({ ctx, input }) => assignQuest(ctx.em, input, ctx.now())),

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
    .input(questEventInput)
    .output(questEventOutcome)
    .mutation(({ ctx, input }) => reportEvent(ctx.em, input, ctx.now())),
});
