// A player's cooldown status; the plugin checks it on its hot path.
import type { EntityManager } from '@mikro-orm/sql';
import { db } from '../../shared/database.ts';
import type { CooldownStatus } from './schemas.ts';

const INACTIVE: CooldownStatus = { is_active: false, expires_at: null, remaining_seconds: 0 };

export function remainingSeconds(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
}

export async function checkCooldown(
  em: EntityManager,
  playerUuid: string,
  type: string,
  now: Date,
): Promise<CooldownStatus> {
  const running = await db(em)
    .selectFrom('Cooldown')
    .select('expiresAt')
    .where('playerUuid', '=', playerUuid)
    .where('cooldownType', '=', type)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  if (!running) return INACTIVE;
  const { expiresAt } = running;
  return { is_active: true, expires_at: expiresAt.toISOString(), remaining_seconds: remainingSeconds(expiresAt, now) };
}
