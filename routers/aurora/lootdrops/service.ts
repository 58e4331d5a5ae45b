// Lootdrops: money dropped for the first claimer. The claim is one conditional UPDATE, so of any number of
// simultaneous claimers exactly one sees its row; the others learn why from the row as it then is.
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { translateViolations, withIsoTimestamps } from '../../shared/sql.ts';
import { credit } from '../economy/ledger.ts';
import { readSettings } from '../settings/service.ts';
import { userNotFound } from '../users/errors.ts';

export type Lootdrop = {
  id: string;
  amount: string;
  channelId: string | null;
  createdAt: string;
  expiresAt: string;
  claimedBy: string | null;
  claimedAt: string | null;
};

const COLUMNS = `id::text as id, amount::text as amount, channel_id as "channelId", created_at as "createdAt", expires_at as "expiresAt",
  claimed_by as "claimedBy", claimed_at as "claimedAt"`;

function toLootdrop(row: Lootdrop): Lootdrop {
  return withIsoTimestamps(row, ['createdAt', 'expiresAt', 'claimedAt']);
}

/** A uniform pick from [low, high]; the modulo bias over 64 random bits is far below anything a game can notice. */
function randomAmount(low: bigint, high: bigint): bigint {
  return low + (randomBytes(8).readBigUInt64BE() % (high - low + 1n));
}

export interface SpawnInput {
  amount?: string | undefined;
  channelId?: string | null | undefined;
  expiresInMinutes?: number | undefined;
}

export async function spawnLootdrop(em: EntityManager, input: SpawnInput, now: Date): Promise<Lootdrop> {
  const rules = (await readSettings(em)).lootdrops;
  const [low, high] = [BigInt(rules.minAmount), BigInt(rules.maxAmount)].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  ) as [bigint, bigint];
  const amount = input.amount === undefined ? randomAmount(low, high) : BigInt(input.amount);
  const expiresAt = new Date(now.getTime() + (input.expiresInMinutes ?? rules.expiryMinutes) * 60_000);
  const rows = await em.execute<Lootdrop[]>(
    `insert into aurora.lootdrops (amount, channel_id, created_at, expires_at) values (?, ?, ?, ?) returning ${COLUMNS}`,
    [amount.toString(), input.channelId ?? null, now, expiresAt],
  );
  return toLootdrop(rows[0]!);
}

export async function findLootdrop(em: EntityManager, id: string): Promise<Lootdrop> {
  const rows = await em.execute<Lootdrop[]>(`select ${COLUMNS} from aurora.lootdrops where id = ?`, [id]);
  if (!rows[0]) throw new AppError('not_found', 'Lootdrop not found', { reason: `no lootdrop with id ${id}` });
  return toLootdrop(rows[0]);
}

export interface Claim {
  lootdrop: Lootdrop;
  balance: string;
}

export function claimLootdrop(em: EntityManager, id: string, userId: string, now: Date): Promise<Claim> {
  return em.transactional(async (tx) => {
    const claimed = await translateViolations(
      () =>
        tx.execute<Lootdrop[]>(
          `update aurora.lootdrops set claimed_by = ?, claimed_at = ? where id = ? and claimed_at is null and expires_at > ? returning ${COLUMNS}`,
          [userId, now, id, now],
        ),
      { lootdrops_claimed_by_foreign: () => userNotFound(userId) },
    );
    if (!claimed[0]) {
      const drop = await findLootdrop(tx, id);
      if (drop.claimedAt !== null)
        throw new AppError('conflict', 'Lootdrop already claimed', { reason: `claimed at ${drop.claimedAt}` });
      throw new AppError('invalid_state', 'Lootdrop expired', { reason: `expired at ${drop.expiresAt}` });
    }
    const lootdrop = toLootdrop(claimed[0]);
    const balance = await credit(
      tx,
      { userId, type: 'LOOTDROP_CLAIM', description: `Lootdrop #${id}` },
      BigInt(lootdrop.amount),
      now,
    );
    return { lootdrop, balance: balance.toString() };
  });
}
