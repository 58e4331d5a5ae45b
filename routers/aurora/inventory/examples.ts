// The examples of Aurora inventories: the document's own bodies.
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { itemNotFound, notInInventory, userNotFound } from '../errors.ts';
import { ITEM, USER_ID } from '../example-values.ts';

const entry = { userId: USER_ID, itemId: ITEM.id, quantity: '5', item: ITEM };

export const inventoryExamples = {
  list: { parameters: { id: USER_ID }, response: { inventory: [entry] }, errors: [userNotFound(USER_ID)] },
  add: {
    parameters: { id: USER_ID },
    request: { itemId: ITEM.id, quantity: '5' },
    response: { success: true, entry },
    errors: [userNotFound(USER_ID), itemNotFound(ITEM.id)],
  },
  remove: {
    parameters: { id: USER_ID, itemId: ITEM.id, amount: 1 },
    errors: [
      AppError.explained('validation_error', 'Not enough items', 'holds 1, asked to remove 5'),
      notInInventory(),
    ],
  },
} satisfies Record<string, RouteExample>;
