// The shop: buying items at their price (an extension; the document lists only the SHOP_BUY transaction type).
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { buyInput, purchase } from './schemas.ts';
import { buy } from './service.ts';
import { shopExamples } from './examples.ts';

const route = restRoutes('aurora: shop');

export const shopRouter = router({
  buy: announced(
    auroraProcedure
      .meta(
        route('POST /api/shop/buy', 'Buy items (SHOP_BUY)', {
          example: shopExamples.buy,
          errors: [400, 404],
          description:
            "price × quantity is debited and the items are added to the user's stack. Insufficient funds, an item priced 0 (not for sale), or a stack that would pass inventory.maxStackSize answer 400 and change nothing.",
        }),
      )
      .input(buyInput)
      .output(purchase)
      .mutation(({ ctx, input }) => buy(ctx.em, input, ctx.now())),
  ),
});
