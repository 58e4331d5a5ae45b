// Inventory stacks. Adds are one upsert; removals lock the row, so concurrent changes never lose an update and a
// row never reaches zero or below (the quantity > 0 check would refuse it anyway).
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { countRows, translateViolations } from '../../shared/sql.ts';
import { ITEM_COLUMNS } from '../items/queries.ts';
import type { ItemResponse } from '../items/schemas.ts';

const INT64_MAX = '9223372036854775807';

interface EntryRow {
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
  if ((await countRows(em, 'select count(*) from aurora.users where id = ?', [userId])) === 0) throw new AppError('not_found', 'User not found');
}

export async function listInventory(em: EntityManager, userId: string): Promise<EntryRow[]> {
  await assertUser(em, userId);
  return em.execute<EntryRow[]>(`${ENTRY_SELECT} where inv.user_id = ? order by inv.item_id`, [userId]);
}

export function addToInventory(em: EntityManager, userId: string, itemId: number, quantity: string): Promise<EntryRow> {
  return em.transactional(async (tx) => {
    const added = await translateViolations(
      () =>
        tx.execute(
          `insert into aurora.inventory as inv (user_id, item_id, quantity) values (?, ?, ?)
           on conflict (user_id, item_id) do update set quantity = inv.quantity + excluded.quantity
           where inv.quantity <= ?::bigint - excluded.quantity
           returning inv.quantity`,
          [userId, itemId, quantity, INT64_MAX],
        ),
      {
        inventory_user_id_foreign: () => new AppError('not_found', 'User not found'),
        inventory_item_id_foreign: () => new AppError('not_found', 'Item not found'),
      },
    );
    if (added.length === 0) throw new AppError('validation_error', 'Quantity too large', { reason: 'the stack would exceed 9223372036854775807' });
    const rows = await tx.execute<EntryRow[]>(`${ENTRY_SELECT} where inv.user_id = ? and inv.item_id = ?`, [userId, itemId]);
    return rows[0]!;
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
      throw new AppError('validation_error', 'Not enough items', { reason: `holds ${quantity}, asked to remove ${amount}` });
    }
    if (amount === quantity) {
      await tx.execute('delete from aurora.inventory where user_id = ? and item_id = ?', [userId, itemId]);
    } else {
      await tx.execute('update aurora.inventory set quantity = quantity - ? where user_id = ? and item_id = ?', [amount.toString(), userId, itemId]);
    }
  });
}
