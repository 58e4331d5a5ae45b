// Whether a user's daily reward is open, and when the next one opens.
import type { EntityManager } from '@mikro-orm/sql';
import { db } from '../../shared/database.ts';
import { userNotFound } from '../errors.ts';
import { dailyClaim } from './daily-rules.ts';
import type { DailyStatus } from './schemas.ts';

export async function getDailyStatus(em: EntityManager, userId: string, now: Date): Promise<DailyStatus> {
  const user = await db(em)
    .selectFrom('User')
    .select(['dailyStreak', 'lastDailyAt'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw userNotFound(userId);
  const lastClaimAt = user.lastDailyAt ?? null;
  const claim = dailyClaim(lastClaimAt, user.dailyStreak, now);
  return {
    claimable: claim.claimable,
    streak: user.dailyStreak,
    lastClaimAt: lastClaimAt?.toISOString() ?? null,
    nextClaimAt: (claim.claimable ? now : claim.nextClaimAt).toISOString(),
  };
}
