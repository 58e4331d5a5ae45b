// Aurora quests: definitions (the document's flat body in, nested requirements and rewards out, inside
// {success, data}), and quest progress for the bot: assigning quests, reporting game events, reading a user's quests
// (extensions; the document's quests are definitions only).
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
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
import { questsExamples } from './examples.ts';

const route = restRoutes('aurora: quests');

export const questsRouter = router({
  list: auroraProcedure
    .meta(route('GET /api/quests', 'All quests', { example: questsExamples.list }))
    .input(noInput)
    .output(questList)
    .query(({ ctx }) => listQuests(ctx.em)),

  create: announced(
    auroraProcedure
      .meta(route('POST /api/quests', 'Create a quest', { example: questsExamples.create, status: 201, errors: [400] }))
      .input(createQuestInput)
      .output(questResult)
      .mutation(({ ctx, input }) => createQuest(ctx.em, input, ctx.now())),
  ),

  update: announced(
    auroraProcedure
      .meta(
        route('PUT /api/quests/{id}', 'Change given fields of a quest', {
          example: questsExamples.update,
          errors: [400, 404],
          description:
            'Flat as POST takes them, or nested as GET returns them (requirements.target, rewards.xp, rewards.balance).',
        }),
      )
      .input(updateQuestInput)
      .output(questResult)
      .mutation(({ ctx, input }) => updateQuest(ctx.em, input, ctx.now())),
  ),

  delete: announced(
    auroraProcedure
      .meta(
        route('DELETE /api/quests/{id}', 'Delete a quest', {
          example: questsExamples.delete,
          status: 204,
          errors: [400, 404],
        }),
      )
      .input(questIdInput)
      .output(noContent)
      .mutation(({ ctx, input }) => deleteQuest(ctx.em, input.id)),
  ),

  forUser: auroraProcedure
    .meta(
      route('GET /api/users/{userId}/quests', "A user's quests with their progress", {
        example: questsExamples.forUser,
        errors: [400, 404],
      }),
    )
    .input(questHolderInput)
    .output(userQuestList)
    .query(({ ctx, input }) => listUserQuests(ctx.em, input.userId)),

  assign: announced(
    auroraProcedure
      .meta(
        route('POST /api/users/{userId}/quests', 'Give a user a quest', {
          example: questsExamples.assign,
          status: 201,
          errors: [400, 404, 409],
          description:
            'At most quests.maxActive uncompleted quests per user (409 limit_exceeded), and never the same quest twice (409 already_exists).',
        }),
      )
      .input(assignQuestInput)
      .output(userQuestResult)
      .mutation(({ ctx, input }) => assignQuest(ctx.em, input, ctx.now())),
  ),

  triggerEvent: announced(
    auroraProcedure
      .meta(
        route(
          'POST /api/quests/events',
          'Report a game event: advances the matching quests and pays those it completes (QUEST_REWARD)',
          {
            errors: [400, 404],
            example: questsExamples.triggerEvent,
            description:
              "A quest matches when its triggerEvent is the event, or the event's prefix up to a colon (ITEM_COLLECT matches ITEM_COLLECT:101). Progress grows by weight (default 1) up to the target; a quest completes once, adding its XP and balance, and the level follows the XP by leveling.baseXp × (level − 1)^exponent.",
          },
        ),
      )
      .input(questEventInput)
      .output(questEventOutcome)
      .mutation(({ ctx, input }) => reportEvent(ctx.em, input, ctx.now(), ctx.publish)),
  ),
});
