// The daily reward's rules, as pure functions of the last claim, the clock and the settings.
import type { BotSettings } from '../settings/schemas.ts';

const DAY_MS = 86_400_000;

type DailySettings = BotSettings['economy']['daily'];

/** Days since the epoch, in UTC: claims are counted per UTC calendar day. */
export function utcDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

export function startOfUtcDay(day: number): Date {
  return new Date(day * DAY_MS);
}

export type DailyClaim = { claimable: true; streak: number } | { claimable: false; nextClaimAt: Date };

/** Whether a claim is open now and, if so, the streak it makes: one more after yesterday's claim, else 1. */
export function dailyClaim(lastClaimAt: Date | null, currentStreak: number, now: Date): DailyClaim {
  if (lastClaimAt === null) return { claimable: true, streak: 1 };
  const lastDay = utcDay(lastClaimAt);
  const today = utcDay(now);
  if (lastDay >= today) return { claimable: false, nextClaimAt: startOfUtcDay(lastDay + 1) };
  return { claimable: true, streak: lastDay === today - 1 ? currentStreak + 1 : 1 };
}

export interface DailyReward {
  amount: bigint;
  streakBonus: bigint;
  weeklyBonus: bigint;
}

/** The base amount, a bonus that grows by `streakBonus` each day after the first, the weekly bonus on every 7th day; capped at `maxReward`. */
export function dailyReward(settings: DailySettings, streak: number): DailyReward {
  const streakBonus = BigInt(settings.streakBonus) * BigInt(streak - 1);
  const weeklyBonus = streak % 7 === 0 ? BigInt(settings.weeklyBonus) : 0n;
  const total = BigInt(settings.amount) + streakBonus + weeklyBonus;
  const cap = BigInt(settings.maxReward);
  return { amount: total < cap ? total : cap, streakBonus, weeklyBonus };
}
