// Request and response schemas of the bot's economy actions: the daily reward and transfers.
import { z } from 'zod';
import { timestamp } from '../../shared/schemas.ts';
import { discordId, positiveBigintString } from '../schemas.ts';

const balanceOf = z.object({ id: z.string(), balance: z.string() });

export const economyUserInput = z.object({ userId: discordId });

export const dailyStatus = z.object({
  claimable: z.boolean(),
  streak: z.number().int(),
  lastClaimAt: timestamp.nullable(),
  nextClaimAt: timestamp,
});

export const dailyClaimed = z.object({
  success: z.literal(true),
  amount: z.string(),
  streak: z.number().int(),
  streakBonus: z.string(),
  weeklyBonus: z.string(),
  balance: z.string(),
  nextClaimAt: timestamp,
});

export const transferInput = z
  .object({ fromUserId: discordId, toUserId: discordId, amount: positiveBigintString })
  .refine((body) => body.fromUserId !== body.toUserId, { message: 'cannot transfer to oneself', path: ['toUserId'] });

export const transferred = z.object({ success: z.literal(true), amount: z.string(), from: balanceOf, to: balanceOf });

export type DailyStatus = z.infer<typeof dailyStatus>;
export type DailyClaimed = z.infer<typeof dailyClaimed>;
export type TransferInput = z.infer<typeof transferInput>;
export type Transferred = z.infer<typeof transferred>;
