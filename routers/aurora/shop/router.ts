// The shop: buying items at their price (an extension; the document lists only the SHOP_BUY transaction type).
import { z } from 'zod';
import { auroraProcedure, router } from '#src/trpc/procedures.ts';
import { inventoryEntry } from '../inventory/schemas.ts';
import { discordId, positiveBigintString } from '../schemas.ts';
import { buy } from './service.ts';

export const shopRouter = router({
  buy: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/shop/buy',
        tags: ['aurora: shop'],
        summary: 'Buy items (SHOP_BUY)',
        description:
          "price × quantity is debited and the items are added to the user's stack. Insufficient funds, an item priced 0 (not for sale), or a stack that would pass inventory.maxStackSize answer 400 and change nothing.",
        errorResponses: [400, 404],
      },
    })
    .input(
      z.object({
        userId: discordId,
        itemId: z.number().int().min(1).max(2_147_483_647),
        quantity: positiveBigintString.default('1'),
      }),
    )
    .output(z.object({ success: z.literal(true), cost: z.string(), balance: z.string(), entry: inventoryEntry }))
    .mutation(async ({ ctx, input }) => ({
      success: true as const,
      ...(await buy(ctx.em, input.userId, input.itemId, BigInt(input.quantity), ctx.now())),
    })),
});
