// Lootdrops as the API shows them.
import type { EntityManager } from '@mikro-orm/sql';
import { db, type Row } from '../../shared/database.ts';
import { lootdropNotFound } from '../errors.ts';
import type { LootdropResponse } from './schemas.ts';

export function toLootdrop(drop: Row<'Lootdrop'>): LootdropResponse {
  return {
    id: drop.id,
    amount: drop.amount,
    channelId: drop.channelId,
    createdAt: drop.createdAt.toISOString(),
    expiresAt: drop.expiresAt.toISOString(),
    claimedBy: drop.claimedBy,
    claimedAt: drop.claimedAt?.toISOString() ?? null,
  };
}

export async function getLootdrop(em: EntityManager, id: string): Promise<LootdropResponse> {
  const found = await db(em).selectFrom('Lootdrop').selectAll().where('id', '=', id).executeTakeFirst();
  if (!found) throw lootdropNotFound(id);
  return toLootdrop(found);
}
