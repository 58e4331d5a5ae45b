// Aurora inventory: GET/POST /api/users/:id/inventory, DELETE /api/users/:id/inventory/:itemId?amount=N.
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noContent } from '../../shared/schemas.ts';
import { listInventory } from './queries.ts';
import {
  addToInventoryInput,
  inventoryAdded,
  inventoryList,
  inventoryOwnerInput,
  removeFromInventoryInput,
} from './schemas.ts';
import { addToInventory, removeFromInventory } from './service.ts';

const tags = ['aurora: inventory'];

export const inventoryRouter = router({
  list: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/users/{id}/inventory',
        description: "Gets a user's inventory, with each item's details.",
        tags,
        summary: "A user's items",
        errorResponses: [400, 404],
      },
    })
    .input(inventoryOwnerInput)
    .output(inventoryList)
    .query(({ ctx, input }) => listInventory(ctx.em, input.id)),

  add: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/users/{id}/inventory',
        description: "Adds items to a user's inventory.",
        tags,
        summary: 'Add items to a stack; answers the new total',
        errorResponses: [400, 404],
      },
      status: 201,
    })
    .input(addToInventoryInput)
    .output(inventoryAdded)
    .mutation(({ ctx, input }) => addToInventory(ctx.em, input)),

  remove: auroraProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/api/users/{id}/inventory/{itemId}',
        tags,
        summary: 'Remove items from a stack',
        description:
          'amount defaults to 1. The row goes at zero; more than held answers 400 and removes nothing; not held answers 404.',
        errorResponses: [400, 404],
      },
      status: 204,
    })
    .input(removeFromInventoryInput)
    .output(noContent)
    .mutation(({ ctx, input }) => removeFromInventory(ctx.em, input)),
});
