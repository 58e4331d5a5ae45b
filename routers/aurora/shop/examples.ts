// The example of Aurora's shop (a bot game action, this project's extension).
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { itemNotFound } from '../errors.ts';
import { ITEM, USER_ID } from '../example-values.ts';

export const shopExamples = {
  buy: {
    request: { userId: USER_ID, itemId: ITEM.id, quantity: '1' },
    response: {
      success: true,
      cost: '100',
      balance: '1900',
      entry: { userId: USER_ID, itemId: ITEM.id, quantity: '5', item: ITEM },
    },
    errors: [
      AppError.explained('invalid_state', 'Item is not for sale', 'items priced 0 are not sold in the shop'),
      itemNotFound(ITEM.id),
    ],
  },
} satisfies Record<string, RouteExample>;
