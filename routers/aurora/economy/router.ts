// The bot's economy actions: the daily reward and transfers between users (extensions; the document lists only
// their transaction types).
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { getDailyStatus } from './queries.ts';
import { dailyClaimed, dailyStatus, economyUserInput, transferInput, transferred } from './schemas.ts';
import { claimDaily, transfer } from './service.ts';
import { economyExamples } from './examples.ts';

const route = restRoutes('aurora: economy');

export const economyRouter = router({
  dailyStatus: auroraProcedure
    .meta(
      route('GET /api/economy/daily/{userId}', "Whether a user's daily reward is open, and when the next one opens", {
        example: economyExamples.dailyStatus,
        errors: [400, 404],
      }),
    )
    .input(economyUserInput)
    .output(dailyStatus)
    .query(({ ctx, input }) => getDailyStatus(ctx.em, input.userId, ctx.now())),

  daily: announced(
    auroraProcedure
      .meta(
        route('POST /api/economy/daily', 'Claim the daily reward (DAILY_REWARD)', {
          example: economyExamples.daily,
          errors: [400, 404],
          description:
            'One claim per UTC day. The streak grows when the previous claim was yesterday and otherwise restarts at 1. The reward is economy.daily.amount, plus streakBonus for each day of the streak after the first, plus weeklyBonus on every 7th day, capped at maxReward. A second claim the same day answers 400 cooldown_active with the next opening.',
        }),
      )
      .input(economyUserInput)
      .output(dailyClaimed)
      .mutation(({ ctx, input }) => claimDaily(ctx.em, input.userId, ctx.now())),
  ),

  transfer: announced(
    auroraProcedure
      .meta(
        route('POST /api/economy/transfer', 'Send money to another user (TRANSFER_OUT and TRANSFER_IN)', {
          example: economyExamples.transfer,
          errors: [400, 404],
          description:
            'The amount must lie within economy.transfers.minAmount and maxAmount, and the sender must hold it. Both ledger rows name the other user as relatedUserId.',
        }),
      )
      .input(transferInput)
      .output(transferred)
      .mutation(({ ctx, input }) => transfer(ctx.em, input, ctx.now())),
  ),
});
