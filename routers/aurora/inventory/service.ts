// Inventory stacks. Adds are one upsert; removals lock the row, so concurrent changes never lose an update and a
// row never reaches zero or below (the quantity > 0 check would refuse it anyway).
import { type EntityManager, LockMode } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { InventoryEntry } from '#entities/aurora/inventory-entry.ts';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';
import { translateViolations } from '#src/database/queries.ts';
import { itemNotFound, notInInventory, userNotFound } from '../errors.ts';
import { INT64_MAX } from '../schemas.ts';
import { assertUser, getEntry } from './queries.ts';
import type { AddToInventoryInput, RemoveFromInventoryInput } from './schemas.ts';

/**
 * Adds to a stack only while it stays at or under `limit`, in one upsert; answers false, changing nothing, when it
 * would not. An unknown user or item is a 404, decided by the foreign keys.
 */
export async function stackItems(
  em: EntityManager,
  userId: string,
  itemId: number,
  quantity: bigint,
  limit: bigint,
): Promise<boolean> {
  if (quantity > limit) return false;
  const added = await translateViolations(
    () =>
      db(em)
        .insertInto('InventoryEntry')
        .values({ user: userId, item: itemId, quantity: quantity.toString() })
        .onConflict((conflict) =>
          conflict
            .columns(['user', 'item'])
            .doUpdateSet((update) => ({
              quantity: update('InventoryEntry.quantity', '+', update.ref('excluded.quantity')),
            }))
            .where('InventoryEntry.quantity', '<=', sql<string>`${limit.toString()}::bigint - excluded.quantity`),
        )
        .returning('quantity')
        .executeTakeFirst(),
    {
      inventory_user_id_foreign: () => userNotFound(userId),
      inventory_item_id_foreign: () => itemNotFound(itemId),
    },
  );
  return added !== undefined;
}

export function addToInventory(em: EntityManager, input: AddToInventoryInput) {
  return em.transactional(async (tx) => {
    if (!(await stackItems(tx, input.id, input.itemId, BigInt(input.quantity), INT64_MAX))) {
      throw AppError.explained('validation_error', 'Quantity too large', `the stack would exceed ${INT64_MAX}`);
    }
    return { success: true as const, entry: await getEntry(tx, input.id, input.itemId) };
  });
}

export function removeFromInventory(em: EntityManager, { id: userId, itemId, amount }: RemoveFromInventoryInput) {
  return em.transactional(async (tx) => {
    await assertUser(tx, userId);
    const stack = await tx.findOne(
      InventoryEntry,
      { user: userId, item: itemId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!stack) throw notInInventory();
    const held = BigInt(stack.quantity);
    const removed = BigInt(amount);
    if (removed > held) {
      throw AppError.explained('validation_error', 'Not enough items', `holds ${held}, asked to remove ${removed}`);
    }
    if (removed === held) tx.remove(stack);
    else stack.quantity = (held - removed).toString();
  });
}
