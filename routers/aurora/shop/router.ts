// The shop: buying items at their price (an extension; the document lists only the SHOP_BUY transaction type).
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { buyInput, purchase } from './schemas.ts';
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
    .input(buyInput)
    .output(purchase)
    .mutation(({ ctx, input }) => buy(ctx.em, input, ctx.now())),
});
