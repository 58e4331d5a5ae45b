// Aurora inventory: GET/POST /api/users/:id/inventory, DELETE /api/users/:id/inventory/:itemId?amount=N.
import { z } from 'zod';
import { auroraProcedure, router } from '#src/trpc/procedures.ts';
import { itemId } from '../items/schemas.ts';
import { discordId, positiveBigintString } from '../schemas.ts';
import { inventoryEntry } from './schemas.ts';
import { addToInventory, listInventory, removeFromInventory } from './service.ts';

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
    .input(z.object({ id: discordId }))
    .output(z.object({ inventory: z.array(inventoryEntry) }))
    .query(async ({ ctx, input }) => ({ inventory: await listInventory(ctx.em, input.id) })),

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
    .input(z.object({ id: discordId, itemId, quantity: positiveBigintString }))
    .output(z.object({ success: z.literal(true), entry: inventoryEntry }))
    .mutation(async ({ ctx, input }) => ({
      success: true as const,
      entry: await addToInventory(ctx.em, input.id, input.itemId, input.quantity),
    })),

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
    .input(
      z.object({
        id: discordId,
        itemId,
        amount: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(1),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => removeFromInventory(ctx.em, input.id, input.itemId, BigInt(input.amount))),
});
