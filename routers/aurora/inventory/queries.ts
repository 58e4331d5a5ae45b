// A user's inventory as the API shows it: each stack with its item.
import type { EntityManager } from '@mikro-orm/sql';
import { db } from '../../shared/database.ts';
import { userNotFound } from '../errors.ts';
import { toItem } from '../items/queries.ts';
import { userExists } from '../users/queries.ts';
import type { InventoryEntryResponse } from './schemas.ts';

function stacksOf(em: EntityManager, userId: string) {
  return db(em)
    .selectFrom('InventoryEntry as inv')
    .innerJoin('Item as i', 'i.id', 'inv.item')
    .selectAll('i')
    .select('inv.quantity')
    .where('inv.user', '=', userId);
}

function toEntry(userId: string, { quantity, ...item }: { quantity: string } & Parameters<typeof toItem>[0]) {
  return { userId, itemId: item.id, quantity, item: toItem(item) };
}

export async function assertUser(em: EntityManager, userId: string): Promise<void> {
  if (!(await userExists(em, userId))) throw userNotFound(userId);
}

export async function listInventory(em: EntityManager, userId: string) {
  await assertUser(em, userId);
  const rows = await stacksOf(em, userId).orderBy('inv.item').execute();
  return { inventory: rows.map((row) => toEntry(userId, row)) };
}

/** One stack the caller knows exists. */
export async function getEntry(em: EntityManager, userId: string, itemId: number): Promise<InventoryEntryResponse> {
  return toEntry(userId, await stacksOf(em, userId).where('inv.item', '=', itemId).executeTakeFirstOrThrow());
}
