// A player's cooldown status; the plugin checks it on its hot path.
import type { EntityManager } from '@mikro-orm/sql';
import { compiledQuery, type Param } from '../../shared/database.ts';
import type { CooldownStatus } from './schemas.ts';

const INACTIVE: CooldownStatus = { is_active: false, expires_at: null, remaining_seconds: 0 };

export function remainingSeconds(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
}

const runningCooldown = compiledQuery((db, param: Param<{ playerUuid: string; type: string; now: Date }>) =>
  db
    .selectFrom('Cooldown')
    .select('expiresAt')
    .where('playerUuid', '=', param('playerUuid'))
    .where('cooldownType', '=', param('type'))
    .where('expiresAt', '>', param('now')),
);

export async function checkCooldown(
  em: EntityManager,
  playerUuid: string,
  type: string,
  now: Date,
): Promise<CooldownStatus> {
  const running = await runningCooldown.executeTakeFirst(em, { playerUuid, type, now });
  if (!running) return INACTIVE;
  const { expiresAt } = running;
  return { is_active: true, expires_at: expiresAt.toISOString(), remaining_seconds: remainingSeconds(expiresAt, now) };
}
