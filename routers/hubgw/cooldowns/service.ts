// Cooldowns: one per (player, type). Setting one replaces the earlier; checking reads its remaining time.
import type { EntityManager } from '@mikro-orm/sql';
import { dateFromTimestamptz } from '../../shared/sql.ts';
import type { CooldownStatus, CreateCooldownInput } from './schemas.ts';

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
  const rows = await em.execute<{ expires_at: string }[]>(
    'select expires_at from hubgw.cooldowns where player_uuid = ? and cooldown_type = ? and expires_at > ?',
    [playerUuid, type, now],
  );
  if (!rows[0]) return INACTIVE;
  const expiresAt = dateFromTimestamptz(rows[0].expires_at);
  return { is_active: true, expires_at: expiresAt.toISOString(), remaining_seconds: remainingSeconds(expiresAt, now) };
}

/** Sets the cooldown, replacing any earlier one of the same (player, type) in one statement. */
export async function setCooldown(em: EntityManager, input: CreateCooldownInput, now: Date): Promise<void> {
  // An expiry in the past is stored as it is: the cooldown is over at once, which is how a plugin resets one.
  const expiresAt =
    input.expires_at !== undefined
      ? new Date(input.expires_at)
      : new Date(now.getTime() + input.cooldown_seconds! * 1000);
  await em.execute(
    `insert into hubgw.cooldowns (id, player_uuid, cooldown_type, expires_at, data, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (player_uuid, cooldown_type)
     do update set expires_at = excluded.expires_at, data = excluded.data, updated_at = excluded.updated_at`,
    [
      crypto.randomUUID(),
      input.player_uuid,
      input.cooldown_type,
      expiresAt,
      input.data == null ? null : JSON.stringify(input.data),
      now,
      now,
    ],
  );
}

/**
 * Starts a cooldown only if none is running, atomically: of two concurrent claims exactly one gets a row back.
 * Returns null when started, or the running cooldown's expiry.
 */
export async function startCooldownIfIdle(
  em: EntityManager,
  playerUuid: string,
  type: string,
  seconds: number,
  now: Date,
): Promise<Date | null> {
  const started = await em.execute<{ id: string }[]>(
    `insert into hubgw.cooldowns (id, player_uuid, cooldown_type, expires_at, data, created_at, updated_at)
     values (?, ?, ?, ?, null, ?, ?)
     on conflict (player_uuid, cooldown_type)
     do update set expires_at = excluded.expires_at, data = null, updated_at = excluded.updated_at
     where hubgw.cooldowns.expires_at <= ?
     returning id`,
    [crypto.randomUUID(), playerUuid, type, new Date(now.getTime() + seconds * 1000), now, now, now],
  );
  if (started.length > 0) return null;
  const running = await em.execute<{ expires_at: string }[]>(
    'select expires_at from hubgw.cooldowns where player_uuid = ? and cooldown_type = ?',
    [playerUuid, type],
  );
  return dateFromTimestamptz(running[0]!.expires_at);
}
