// Daily rewards and transfers. Each runs in one transaction holding the users' row locks, so concurrent claims and
// transfers see each other's results, and the ledger rows commit with the balances they explain.
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { dateFromTimestamptz } from '../../shared/sql.ts';
import { readSettings } from '../settings/service.ts';
import { dailyClaim, dailyReward, startOfUtcDay, utcDay } from './daily-rules.ts';
import { credit, debit } from './ledger.ts';
import { userNotFound } from '../users/errors.ts';

interface DailyRow {
  dailyStreak: number;
  lastDailyAt: string | null;
}

function dateOf(value: string | null): Date | null {
  return value === null ? null : dateFromTimestamptz(value);
}

async function dailyRow(em: EntityManager, userId: string, lock: boolean): Promise<DailyRow> {
  const rows = await em.execute<DailyRow[]>(
    `select daily_streak as "dailyStreak", last_daily_at as "lastDailyAt" from aurora.users where id = ?${lock ? ' for update' : ''}`,
    [userId],
  );
  if (!rows[0]) throw userNotFound(userId);
  return rows[0];
}

export interface DailyStatus {
  claimable: boolean;
  streak: number;
  lastClaimAt: string | null;
  nextClaimAt: string;
}

export async function dailyStatus(em: EntityManager, userId: string, now: Date): Promise<DailyStatus> {
  const row = await dailyRow(em, userId, false);
  const lastClaimAt = dateOf(row.lastDailyAt);
  const claim = dailyClaim(lastClaimAt, row.dailyStreak, now);
  return {
    claimable: claim.claimable,
    streak: row.dailyStreak,
    lastClaimAt: lastClaimAt?.toISOString() ?? null,
    nextClaimAt: (claim.claimable ? now : claim.nextClaimAt).toISOString(),
  };
}

export interface DailyResult {
  amount: string;
  streak: number;
  streakBonus: string;
  weeklyBonus: string;
  balance: string;
  nextClaimAt: string;
}

export function claimDaily(em: EntityManager, userId: string, now: Date): Promise<DailyResult> {
  return em.transactional(async (tx) => {
    const row = await dailyRow(tx, userId, true);
    const claim = dailyClaim(dateOf(row.lastDailyAt), row.dailyStreak, now);
    if (!claim.claimable) {
      const seconds = Math.ceil((claim.nextClaimAt.getTime() - now.getTime()) / 1000);
      throw new AppError('cooldown_active', 'Daily reward already claimed today', {
        reason: `the next claim opens at ${claim.nextClaimAt.toISOString()}, in ${seconds} s`,
        nextClaimAt: claim.nextClaimAt.toISOString(),
        retryAfterSeconds: seconds,
      });
    }
    const reward = dailyReward((await readSettings(tx)).economy.daily, claim.streak);
    await tx.execute('update aurora.users set daily_streak = ?, last_daily_at = ? where id = ?', [
      claim.streak,
      now,
      userId,
    ]);
    const balance = await credit(
      tx,
      { userId, type: 'DAILY_REWARD', description: `Daily reward (Streak: ${claim.streak})` },
      reward.amount,
      now,
    );
    return {
      amount: reward.amount.toString(),
      streak: claim.streak,
      streakBonus: reward.streakBonus.toString(),
      weeklyBonus: reward.weeklyBonus.toString(),
      balance: balance.toString(),
      nextClaimAt: startOfUtcDay(utcDay(now) + 1).toISOString(),
    };
  });
}

export interface TransferInput {
  fromUserId: string;
  toUserId: string;
  amount: string;
}

export interface TransferResult {
  amount: string;
  from: { id: string; balance: string };
  to: { id: string; balance: string };
}

export function transfer(em: EntityManager, input: TransferInput, now: Date): Promise<TransferResult> {
  return em.transactional(async (tx) => {
    const amount = BigInt(input.amount);
    const { minAmount, maxAmount } = (await readSettings(tx)).economy.transfers;
    if (amount < BigInt(minAmount) || amount > BigInt(maxAmount)) {
      throw new AppError('validation_error', 'Amount out of range', {
        reason: `transfers must be from ${minAmount} to ${maxAmount}`,
      });
    }
    // Both rows are locked in id order, so two opposite transfers between the same users queue rather than deadlock.
    const locked = await tx.execute<{ id: string }[]>(
      'select id from aurora.users where id in (?, ?) order by id for update',
      [input.fromUserId, input.toUserId],
    );
    for (const id of [input.fromUserId, input.toUserId]) {
      if (!locked.some((row) => row.id === id)) throw userNotFound(id);
    }
    const fromBalance = await debit(
      tx,
      {
        userId: input.fromUserId,
        relatedUserId: input.toUserId,
        type: 'TRANSFER_OUT',
        description: `Transfer to ${input.toUserId}`,
      },
      amount,
      now,
    );
    const toBalance = await credit(
      tx,
      {
        userId: input.toUserId,
        relatedUserId: input.fromUserId,
        type: 'TRANSFER_IN',
        description: `Transfer from ${input.fromUserId}`,
      },
      amount,
      now,
    );
    return {
      amount: amount.toString(),
      from: { id: input.fromUserId, balance: fromBalance.toString() },
      to: { id: input.toUserId, balance: toBalance.toString() },
    };
  });
}
