// Aurora transactions: GET /api/transactions, newest first, by user and type.
import { timestamp } from '../../shared/schemas.ts';
import { z } from 'zod';
import { TRANSACTION_TYPES } from '#entities/aurora/transaction.ts';
import { auroraProcedure, router } from '#src/trpc/procedures.ts';
import { countRows, whereOf, withIsoTimestamps } from '../../shared/sql.ts';
import { capped, discordId, pagination } from '../schemas.ts';

const transaction = z
  .object({
    id: z.string(),
    userId: z.string(),
    relatedUserId: z.string().nullable(),
    amount: z.string(),
    type: z.enum(TRANSACTION_TYPES),
    description: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Transaction' });

type TransactionResponse = z.infer<typeof transaction>;

const listInput = z.object({
  userId: discordId.optional(),
  type: z.enum(TRANSACTION_TYPES).optional(),
  ...pagination(50),
});

export const transactionsRouter = router({
  list: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/transactions',
        description: 'Lists economy transactions.',
        tags: ['aurora: transactions'],
        summary: 'Transactions, newest first',
        errorResponses: [400],
      },
    })
    .input(listInput)
    .output(z.object({ transactions: z.array(transaction), total: z.number().int() }))
    .query(async ({ ctx, input }) => {
      const { where, params } = whereOf([
        input.userId === undefined ? null : ['user_id = ?', input.userId],
        input.type === undefined ? null : ['type = ?', input.type],
      ]);
      const rows = await ctx.em.execute<TransactionResponse[]>(
        `select id::text as id, user_id as "userId", related_user_id as "relatedUserId", amount::text as amount, type, description,
                created_at as "createdAt"
         from aurora.transactions ${where} order by created_at desc, id desc limit ? offset ?`,
        [...params, capped(input.limit), input.offset],
      );
      const total = await countRows(ctx.em, `select count(*) from aurora.transactions ${where}`, params);
      return { transactions: rows.map((row) => withIsoTimestamps(row, ['createdAt'])), total };
    }),
});
