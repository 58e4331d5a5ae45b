// Cooldowns: one per (player, type). Setting one replaces the earlier; a claim starts one only when none runs.
import type { EntityManager } from '@mikro-orm/sql';
import { db } from '../../shared/database.ts';
import type { CreateCooldownInput } from './schemas.ts';

const CREATED = { message: 'Cooldown created successfully' };

/** Sets the cooldown, replacing any earlier one of the same (player, type) in one statement. */
export async function setCooldown(em: EntityManager, input: CreateCooldownInput, now: Date) {
  // An expiry in the past is stored as it is: the cooldown is over at once, which is how a plugin resets one.
  const expiresAt =
    input.expires_at !== undefined
      ? new Date(input.expires_at)
      : new Date(now.getTime() + input.cooldown_seconds! * 1000);
  const data = input.data ?? null;
  await db(em)
    .insertInto('Cooldown')
    .values({
      id: crypto.randomUUID(),
      playerUuid: input.player_uuid,
      cooldownType: input.cooldown_type,
      expiresAt,
      data,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((conflict) =>
      conflict.columns(['playerUuid', 'cooldownType']).doUpdateSet({ expiresAt, data, updatedAt: now }),
    )
    .execute();
  return CREATED;
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
  const expiresAt = new Date(now.getTime() + seconds * 1000);
  const started = await db(em)
    .insertInto('Cooldown')
    .values({
      id: crypto.randomUUID(),
      playerUuid,
      cooldownType: type,
      expiresAt,
      data: null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['playerUuid', 'cooldownType'])
        .doUpdateSet({ expiresAt, data: null, updatedAt: now })
        .where('Cooldown.expiresAt', '<=', now),
    )
    .returning('id')
    .executeTakeFirst();
  if (started) return null;
  const running = await db(em)
    .selectFrom('Cooldown')
    .select('expiresAt')
    .where('playerUuid', '=', playerUuid)
    .where('cooldownType', '=', type)
    .executeTakeFirstOrThrow();
  return running.expiresAt;
}
