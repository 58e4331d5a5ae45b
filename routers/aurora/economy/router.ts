// The bot's economy actions: the daily reward and transfers between users (extensions; the document lists only
// their transaction types).
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { getDailyStatus } from './queries.ts';
import { dailyClaimed, dailyStatus, economyUserInput, transferInput, transferred } from './schemas.ts';
import { claimDaily, transfer } from './service.ts';

const tags = ['aurora: economy'];

export const economyRouter = router({
  dailyStatus: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/economy/daily/{userId}',
        description: "Extension: whether a user's daily reward can be claimed, and when the next claim opens.",
        tags,
        summary: "Whether a user's daily reward is open, and when the next one opens",
        errorResponses: [400, 404],
      },
    })
    .input(economyUserInput)
    .output(dailyStatus)
    .query(({ ctx, input }) => getDailyStatus(ctx.em, input.userId, ctx.now())),

  daily: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/economy/daily',
        tags,
        summary: 'Claim the daily reward (DAILY_REWARD)',
        description:
          'One claim per UTC day. The streak grows when the previous claim was yesterday and otherwise restarts at 1. The reward is economy.daily.amount, plus streakBonus for each day of the streak after the first, plus weeklyBonus on every 7th day, capped at maxReward. A second claim the same day answers 400 cooldown_active with the next opening.',
        errorResponses: [400, 404],
      },
    })
    .input(economyUserInput)
    .output(dailyClaimed)
    .mutation(({ ctx, input }) => claimDaily(ctx.em, input.userId, ctx.now())),

  transfer: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/economy/transfer',
        tags,
        summary: 'Send money to another user (TRANSFER_OUT and TRANSFER_IN)',
        description:
          'The amount must lie within economy.transfers.minAmount and maxAmount, and the sender must hold it. Both ledger rows name the other user as relatedUserId.',
        errorResponses: [400, 404],
      },
    })
    .input(transferInput)
    .output(transferred)
    .mutation(({ ctx, input }) => transfer(ctx.em, input, ctx.now())),
});
