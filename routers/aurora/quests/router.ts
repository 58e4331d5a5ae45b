// Aurora quests: the document's flat body in, nested requirements and rewards out, inside {success, data}.
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { z } from 'zod';
import { AppError } from '#src/errors.ts';
import { auroraProcedure, router } from '#src/trpc/procedures.ts';
import { noInput, noContent } from '../../shared/schemas.ts';
import { questProgressProcedures } from './progress-procedures.ts';
import { COLUMNS, toQuest, type QuestRow } from './queries.ts';
import { quest, questFields, questId, questChanges, updateQuestInput, type QuestResponse } from './schemas.ts';

const tags = ['aurora: quests'];

const UPDATABLE = {
  name: 'name',
  description: 'description',
  triggerEvent: 'trigger_event',
  target: 'target',
  xpReward: 'xp_reward',
  balanceReward: 'balance_reward',
} as const;

async function updateQuest(
  em: EntityManager,
  id: number,
  fields: Partial<Record<keyof typeof UPDATABLE, unknown>>,
  now: Date,
): Promise<QuestResponse> {
  const given = (Object.keys(UPDATABLE) as (keyof typeof UPDATABLE)[]).filter((field) => fields[field] !== undefined);
  const rows = await em.execute<QuestRow[]>(
    `update aurora.quests set ${[...given.map((field) => `${UPDATABLE[field]} = ?`), 'updated_at = ?'].join(', ')} where id = ? returning ${COLUMNS}`,
    [...given.map((field) => fields[field]), now, id],
  );
  if (!rows[0]) throw new AppError('not_found', 'Quest not found');
  return toQuest(rows[0]);
}

export const questsRouter = router({
  ...questProgressProcedures,

  list: auroraProcedure
    .meta({
      openapi: { method: 'GET', path: '/api/quests', description: 'Lists all quests.', tags, summary: 'All quests' },
    })
    .input(noInput)
    .output(z.object({ success: z.literal(true), data: z.array(quest) }))
    .query(async ({ ctx }) => ({
      success: true as const,
      data: (await ctx.em.execute<QuestRow[]>(`select ${COLUMNS} from aurora.quests order by id`)).map(toQuest),
    })),

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
    .input(z.object(questFields))
    .output(z.object({ success: z.literal(true), data: quest }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const rows = await ctx.em.execute<QuestRow[]>(
        `insert into aurora.quests (name, description, trigger_event, target, xp_reward, balance_reward, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?) returning ${COLUMNS}`,
        [
          input.name,
          input.description ?? null,
          input.triggerEvent,
          input.target,
          input.xpReward,
          input.balanceReward,
          now,
          now,
        ],
      );
      return { success: true as const, data: toQuest(rows[0]!) };
    }),

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
    .output(z.object({ success: z.literal(true), data: quest }))
    .mutation(async ({ ctx, input }) => ({
      success: true as const,
      data: await updateQuest(ctx.em, input.id, questChanges(input), ctx.now()),
    })),

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
    .input(z.object({ id: questId }))
    .output(noContent)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.em.execute<QueryResult>('delete from aurora.quests where id = ?', [input.id], 'run');
      if (result.affectedRows === 0) throw new AppError('not_found', 'Quest not found');
    }),
});
