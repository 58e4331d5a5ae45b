// Inventory stacks. Adds are one upsert; removals lock the row, so concurrent changes never lose an update and a
// row never reaches zero or below (the quantity > 0 check would refuse it anyway).
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { translateViolations } from '../../shared/sql.ts';
import { ITEM_COLUMNS } from '../items/queries.ts';
import type { ItemResponse } from '../items/schemas.ts';
import { INT64_MAX } from '../schemas.ts';
import { userExists } from '../users/queries.ts';

export interface EntryRow {
  userId: string;
  itemId: number;
  quantity: string;
  item: ItemResponse;
}

const ENTRY_SELECT = `
  select inv.user_id as "userId", inv.item_id as "itemId", inv.quantity::text as quantity,
         (select row_to_json(i) from (select ${ITEM_COLUMNS} from aurora.items where id = inv.item_id) i) as item
  from aurora.inventory inv`;

async function assertUser(em: EntityManager, userId: string): Promise<void> {
  if (!(await userExists(em, userId))) throw new AppError('not_found', 'User not found');
}

export async function listInventory(em: EntityManager, userId: string): Promise<EntryRow[]> {
  await assertUser(em, userId);
  return em.execute<EntryRow[]>(`${ENTRY_SELECT} where inv.user_id = ? order by inv.item_id`, [userId]);
}

export async function findEntry(em: EntityManager, userId: string, itemId: number): Promise<EntryRow> {
  const rows = await em.execute<EntryRow[]>(`${ENTRY_SELECT} where inv.user_id = ? and inv.item_id = ?`, [
    userId,
    itemId,
  ]);
  return rows[0]!;
}

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
      em.execute(
        `insert into aurora.inventory as inv (user_id, item_id, quantity) values (?, ?, ?)
         on conflict (user_id, item_id) do update set quantity = inv.quantity + excluded.quantity
         where inv.quantity <= ?::bigint - excluded.quantity
         returning inv.quantity`,
        [userId, itemId, quantity.toString(), limit.toString()],
      ),
    {
      inventory_user_id_foreign: () => new AppError('not_found', 'User not found'),
      inventory_item_id_foreign: () => new AppError('not_found', 'Item not found'),
    },
  );
  return added.length > 0;
}

export function addToInventory(em: EntityManager, userId: string, itemId: number, quantity: string): Promise<EntryRow> {
  return em.transactional(async (tx) => {
    if (!(await stackItems(tx, userId, itemId, BigInt(quantity), INT64_MAX))) {
      throw new AppError('validation_error', 'Quantity too large', { reason: `the stack would exceed ${INT64_MAX}` });
    }
    return findEntry(tx, userId, itemId);
  });
}

export function removeFromInventory(em: EntityManager, userId: string, itemId: number, amount: bigint): Promise<void> {
  return em.transactional(async (tx) => {
    await assertUser(tx, userId);
    const held = await tx.execute<{ quantity: string }[]>(
      'select quantity::text as quantity from aurora.inventory where user_id = ? and item_id = ? for update',
      [userId, itemId],
    );
    if (!held[0]) throw new AppError('not_found', 'Item not in inventory');
    const quantity = BigInt(held[0].quantity);
    if (amount > quantity) {
      throw new AppError('validation_error', 'Not enough items', {
        reason: `holds ${quantity}, asked to remove ${amount}`,
      });
    }
    if (amount === quantity) {
      await tx.execute('delete from aurora.inventory where user_id = ? and item_id = ?', [userId, itemId]);
    } else {
      await tx.execute('update aurora.inventory set quantity = quantity - ? where user_id = ? and item_id = ?', [
        amount.toString(),
        userId,
        itemId,
      ]);
    }
  });
}
