// Daily rewards and transfers. Each runs in one transaction holding the users' row locks, so concurrent claims and
// transfers see each other's results, and the ledger rows commit with the balances they explain.
import { type EntityManager, LockMode } from '@mikro-orm/sql';
import { User } from '#entities/aurora/user.ts';
import { AppError } from '#src/errors.ts';
import { userNotFound } from '../errors.ts';
import { readSettings } from '../settings/queries.ts';
import { dailyClaim, dailyReward, startOfUtcDay, utcDay } from './daily-rules.ts';
import { credit, debit } from './ledger.ts';
import type { DailyClaimed, TransferInput, Transferred } from './schemas.ts';

export function claimDaily(em: EntityManager, userId: string, now: Date): Promise<DailyClaimed> {
  return em.transactional(async (tx) => {
    const user = await tx.findOne(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!user) throw userNotFound(userId);
    const claim = dailyClaim(user.lastDailyAt ?? null, user.dailyStreak, now);
    if (!claim.claimable) {
      const seconds = Math.ceil((claim.nextClaimAt.getTime() - now.getTime()) / 1000);
      throw new AppError(
        'cooldown_active',
        'Daily reward already claimed today',
        { nextClaimAt: claim.nextClaimAt.toISOString(), retryAfterSeconds: seconds },
        { explanation: `the next claim opens at ${claim.nextClaimAt.toISOString()}, in ${seconds} s` },
      );
    }
    const reward = dailyReward((await readSettings(tx)).economy.daily, claim.streak);
    tx.assign(user, { dailyStreak: claim.streak, lastDailyAt: now });
    await tx.flush();
    const balance = await credit(
      tx,
      { userId, type: 'DAILY_REWARD', description: `Daily reward (Streak: ${claim.streak})` },
      reward.amount,
      now,
    );
    return {
      success: true,
      amount: reward.amount.toString(),
      streak: claim.streak,
      streakBonus: reward.streakBonus.toString(),
      weeklyBonus: reward.weeklyBonus.toString(),
      balance: balance.toString(),
      nextClaimAt: startOfUtcDay(utcDay(now) + 1).toISOString(),
    };
  });
}

export function transfer(em: EntityManager, input: TransferInput, now: Date): Promise<Transferred> {
  return em.transactional(async (tx) => {
    const amount = BigInt(input.amount);
    const { minAmount, maxAmount } = (await readSettings(tx)).economy.transfers;
    if (amount < BigInt(minAmount) || amount > BigInt(maxAmount)) {
      throw AppError.explained(
        'validation_error',
        'Amount out of range',
        `transfers must be from ${minAmount} to ${maxAmount}`,
      );
    }
    // Both rows are locked in id order, so two opposite transfers between the same users queue rather than deadlock.
    const locked = await tx.find(
      User,
      { id: { $in: [input.fromUserId, input.toUserId] } },
      { fields: ['id'], orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    for (const id of [input.fromUserId, input.toUserId]) {
      if (!locked.some((user) => user.id === id)) throw userNotFound(id);
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
      success: true,
      amount: amount.toString(),
      from: { id: input.fromUserId, balance: fromBalance.toString() },
      to: { id: input.toUserId, balance: toBalance.toString() },
    };
  });
}
