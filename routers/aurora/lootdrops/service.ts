// Lootdrops: money dropped for the first claimer. The claim is one conditional UPDATE, so of any number of
// simultaneous claimers exactly one sees its row; the others learn why from the row as it then is.
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';
import { translateViolations } from '#src/database/queries.ts';
import { credit } from '../economy/ledger.ts';
import { userNotFound } from '../errors.ts';
import { readSettings } from '../settings/queries.ts';
import { getLootdrop, toLootdrop } from './queries.ts';
import type { ClaimLootdropInput, LootdropClaimed, SpawnLootdropInput } from './schemas.ts';

/** A uniform pick from [low, high]; the modulo bias over 64 random bits is far below anything a game can notice. */
function randomAmount(low: bigint, high: bigint): bigint {
  return low + (randomBytes(8).readBigUInt64BE() % (high - low + 1n));
}

export async function spawnLootdrop(em: EntityManager, input: SpawnLootdropInput, now: Date) {
  const rules = (await readSettings(em)).lootdrops;
  const [low, high] = [BigInt(rules.minAmount), BigInt(rules.maxAmount)].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  ) as [bigint, bigint];
  const amount = input.amount === undefined ? randomAmount(low, high) : BigInt(input.amount);
  const drop = await db(em)
    .insertInto('Lootdrop')
    .values({
      amount: amount.toString(),
      channelId: input.channelId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (input.expiresInMinutes ?? rules.expiryMinutes) * 60_000),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { success: true as const, lootdrop: toLootdrop(drop) };
}

export function claimLootdrop(
  em: EntityManager,
  { id, userId }: ClaimLootdropInput,
  now: Date,
): Promise<LootdropClaimed> {
  return em.transactional(async (tx) => {
    const claimed = await translateViolations(
      () =>
        db(tx)
          .updateTable('Lootdrop')
          .set({ claimedBy: userId, claimedAt: now })
          .where('id', '=', id)
          .where('claimedAt', 'is', null)
          .where('expiresAt', '>', now)
          .returningAll()
          .executeTakeFirst(),
      { lootdrops_claimed_by_foreign: () => userNotFound(userId) },
    );
    if (!claimed) {
      const drop = await getLootdrop(tx, id);
      if (drop.claimedAt !== null)
        throw AppError.explained('conflict', 'Lootdrop already claimed', `claimed at ${drop.claimedAt}`);
      throw AppError.explained('invalid_state', 'Lootdrop expired', `expired at ${drop.expiresAt}`);
    }
    const lootdrop = toLootdrop(claimed);
    const balance = await credit(
      tx,
      { userId, type: 'LOOTDROP_CLAIM', description: `Lootdrop #${id}` },
      BigInt(lootdrop.amount),
      now,
    );
    return { success: true, lootdrop, balance: balance.toString() };
  });
}
