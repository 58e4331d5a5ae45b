// Kits: definitions kept as data, and claims guarded by the `kit|<name>` cooldown.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';
import { expectTouched, json } from '#src/database/queries.ts';
import { remainingSeconds } from '../cooldowns/queries.ts';
import { canonicalCooldownType } from '../cooldowns/schemas.ts';
import { startCooldownIfIdle } from '../cooldowns/service.ts';
import { getKit, kitNotFound, toKit } from './queries.ts';
import type { KitResponse, UpsertKitInput } from './schemas.ts';

/** The cooldown type a kit's claims use, in the one form `/cooldowns/check` reads too. */
function kitCooldownType(kitName: string): string {
  return canonicalCooldownType(`kit|${kitName}`);
}

/** Creates or replaces the kit named without regard to case, taking the name's new casing. */
export async function upsertKit(em: EntityManager, input: UpsertKitInput, now: Date): Promise<KitResponse> {
  const definition = {
    name: input.name,
    cooldownSeconds: input.cooldown_seconds,
    items: json(input.items),
    description: input.description ?? null,
    updatedAt: now,
  };
  const row = await db(em)
    .insertInto('Kit')
    .values({ id: crypto.randomUUID(), createdAt: now, ...definition })
    .onConflict((conflict) => conflict.expression(sql`lower(name)`).doUpdateSet(definition))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toKit(row);
}

export async function deleteKit(em: EntityManager, name: string): Promise<void> {
  const result = await db(em).deleteFrom('Kit').where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
  expectTouched(result.numDeletedRows, () => kitNotFound(name));
}

export async function claimKit(em: EntityManager, playerUuid: string, kitName: string, now: Date) {
  const kit = await getKit(em, kitName);
  if (kit.cooldown_seconds > 0) {
    const runningUntil = await startCooldownIfIdle(
      em,
      playerUuid,
      kitCooldownType(kit.name),
      kit.cooldown_seconds,
      now,
    );
    if (runningUntil) {
      const remaining = remainingSeconds(runningUntil, now);
      throw new AppError('cooldown_active', `Kit '${kit.name}' is on cooldown for ${remaining} more seconds`, {
        kit_name: kit.name,
        cooldown_remaining: remaining,
        expires_at: runningUntil.toISOString(),
      });
    }
  }
  return {
    success: true as const,
    message: `Kit '${kit.name}' claimed`,
    cooldown_remaining: kit.cooldown_seconds,
    items: kit.items,
  };
}
