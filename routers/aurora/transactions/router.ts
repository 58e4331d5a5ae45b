// Aurora transactions: GET /api/transactions, newest first, by user and type.
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { listTransactions } from './queries.ts';
import { listTransactionsInput, transactionList } from './schemas.ts';

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
    .input(listTransactionsInput)
    .output(transactionList)
    .query(({ ctx, input }) => listTransactions(ctx.em, input)),
});
