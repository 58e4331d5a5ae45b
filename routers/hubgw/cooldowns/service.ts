// Cooldowns: one per (player, type). Setting one replaces the earlier; a claim starts one only when none runs.
import type { EntityManager } from '@mikro-orm/sql';
import type { Cooldown } from '#entities/hubgw/cooldown.ts';
import { compiledQuery, db, type Param, type Stored } from '../../shared/database.ts';
import type { CreateCooldownInput } from './schemas.ts';

const CREATED = { message: 'Cooldown created successfully' };

interface CooldownValues {
  id: string;
  playerUuid: string;
  type: string;
  expiresAt: Date;
  data: Stored<typeof Cooldown>['data'];
  now: Date;
}

/** The plugin sets cooldowns on its hot path, so the statement is compiled once. */
const replaceCooldown = compiledQuery((db, param: Param<CooldownValues>) =>
  db
    .insertInto('Cooldown')
    .values({
      id: param('id'),
      playerUuid: param('playerUuid'),
      cooldownType: param('type'),
      expiresAt: param('expiresAt'),
      data: param('data'),
      createdAt: param('now'),
      updatedAt: param('now'),
    })
    .onConflict((conflict) =>
      conflict
        .columns(['playerUuid', 'cooldownType'])
        .doUpdateSet({ expiresAt: param('expiresAt'), data: param('data'), updatedAt: param('now') }),
    ),
);

/** Sets the cooldown, replacing any earlier one of the same (player, type) in one statement. */
export async function setCooldown(em: EntityManager, input: CreateCooldownInput, now: Date) {
  // An expiry in the past is stored as it is: the cooldown is over at once, which is how a plugin resets one.
  const expiresAt =
    input.expires_at !== undefined
      ? new Date(input.expires_at)
      : new Date(now.getTime() + input.cooldown_seconds! * 1000);
  await replaceCooldown.execute(em, {
    id: crypto.randomUUID(),
    playerUuid: input.player_uuid,
    type: input.cooldown_type,
    expiresAt,
    data: input.data ?? null,
    now,
  });
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
