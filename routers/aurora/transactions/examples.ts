// The example of Aurora transactions: the document's own body.
import type { RouteExample } from '#src/trpc/route-example.ts';
import { LATER } from '../example-values.ts';

export const transactionsExamples = {
  list: {
    parameters: { userId: '123456789', type: 'DAILY_REWARD', limit: 50, offset: 0 },
    response: {
      transactions: [
        {
          id: '1',
          userId: '123456789',
          relatedUserId: null,
          amount: '100',
          type: 'DAILY_REWARD',
          description: 'Daily reward (Streak: 3)',
          createdAt: LATER,
        },
      ],
      total: 1,
    },
  },
} satisfies Record<string, RouteExample>;
