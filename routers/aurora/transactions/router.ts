// Aurora transactions: GET /api/transactions, newest first, by user and type.
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { listTransactions } from './queries.ts';
import { listTransactionsInput, transactionList } from './schemas.ts';
import { transactionsExamples } from './examples.ts';

const route = restRoutes('aurora: transactions');

export const transactionsRouter = router({
  list: auroraProcedure
    .meta(
      route('GET /api/transactions', 'Transactions, newest first', {
        example: transactionsExamples.list,
        errors: [400],
      }),
    )
    .input(listTransactionsInput)
    .output(transactionList)
    .query(({ ctx, input }) => listTransactions(ctx.em, input)),
});
