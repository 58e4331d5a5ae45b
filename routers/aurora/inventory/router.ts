// Aurora inventory: GET/POST /api/users/:id/inventory, DELETE /api/users/:id/inventory/:itemId?amount=N.
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
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
import { inventoryExamples } from './examples.ts';

const route = restRoutes('aurora: inventory');

export const inventoryRouter = router({
  list: auroraProcedure
    .meta(
      route('GET /api/users/{id}/inventory', "A user's items", { example: inventoryExamples.list, errors: [400, 404] }),
    )
    .input(inventoryOwnerInput)
    .output(inventoryList)
    .query(({ ctx, input }) => listInventory(ctx.em, input.id)),

  add: announced(
    auroraProcedure
      .meta(
        route('POST /api/users/{id}/inventory', 'Add items to a stack; answers the new total', {
          example: inventoryExamples.add,
          status: 201,
          errors: [400, 404],
        }),
      )
      .input(addToInventoryInput)
      .output(inventoryAdded)
      .mutation(({ ctx, input }) => addToInventory(ctx.em, input)),
  ),

  remove: announced(
    auroraProcedure
      .meta(
        route('DELETE /api/users/{id}/inventory/{itemId}', 'Remove items from a stack', {
          example: inventoryExamples.remove,
          status: 204,
          errors: [400, 404],
          description:
            'amount defaults to 1. The row goes at zero; more than held answers 400 and removes nothing; not held answers 404.',
        }),
      )
      .input(removeFromInventoryInput)
      .output(noContent)
      .mutation(({ ctx, input }) => removeFromInventory(ctx.em, input)),
  ),
});
