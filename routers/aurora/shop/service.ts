// Buying from the shop: the price is debited and the items stacked in one transaction, so a purchase that cannot
// be paid for, or would overfill the stack, changes nothing.
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { debit } from '../economy/ledger.ts';
import { findEntry, stackItems, type EntryRow } from '../inventory/service.ts';
import { INT64_MAX } from '../schemas.ts';
import { readSettings } from '../settings/service.ts';

export interface Purchase {
  cost: string;
  balance: string;
  entry: EntryRow;
}

export function buy(em: EntityManager, userId: string, itemId: number, quantity: bigint, now: Date): Promise<Purchase> {
  return em.transactional(async (tx) => {
    const items = await tx.execute<{ name: string; price: string }[]>(
      'select name, price::text as price from aurora.items where id = ?',
      [itemId],
    );
    if (!items[0]) throw new AppError('not_found', 'Item not found', { reason: `no item with id ${itemId}` });
    const price = BigInt(items[0].price);
    if (price === 0n)
      throw new AppError('invalid_state', 'Item is not for sale', {
        reason: 'items priced 0 are not sold in the shop',
      });
    const cost = price * quantity;
    if (cost > INT64_MAX)
      throw new AppError('validation_error', 'Purchase too large', {
        reason: `${quantity} × ${price} exceeds the largest balance`,
      });

    const balance = await debit(
      tx,
      { userId, type: 'SHOP_BUY', description: `Bought ${quantity} × ${items[0].name}` },
      cost,
      now,
    );
    const maxStack = BigInt((await readSettings(tx)).inventory.maxStackSize);
    if (!(await stackItems(tx, userId, itemId, quantity, maxStack))) {
      throw new AppError('invalid_state', 'Stack full', { reason: `a stack holds at most ${maxStack} of an item` });
    }
    return { cost: cost.toString(), balance: balance.toString(), entry: await findEntry(tx, userId, itemId) };
  });
}
