// Buying from the shop: the price is debited and the items stacked in one transaction, so a purchase that cannot
// be paid for, or would overfill the stack, changes nothing.
import type { EntityManager } from '@mikro-orm/sql';
import { Item } from '#entities/aurora/item.ts';
import { AppError } from '#src/errors.ts';
import { debit } from '../economy/ledger.ts';
import { itemNotFound } from '../errors.ts';
import { getEntry } from '../inventory/queries.ts';
import { stackItems } from '../inventory/service.ts';
import { INT64_MAX } from '../schemas.ts';
import { readSettings } from '../settings/queries.ts';
import type { BuyInput, Purchase } from './schemas.ts';

export function buy(em: EntityManager, { userId, itemId, ...input }: BuyInput, now: Date): Promise<Purchase> {
  const quantity = BigInt(input.quantity);
  return em.transactional(async (tx) => {
    const item = await tx.findOne(Item, { id: itemId }, { fields: ['name', 'price'] });
    if (!item) throw itemNotFound(itemId);
    const price = BigInt(item.price);
    if (price === 0n)
      throw AppError.explained('invalid_state', 'Item is not for sale', 'items priced 0 are not sold in the shop');
    const cost = price * quantity;
    if (cost > INT64_MAX) {
      throw AppError.explained(
        'validation_error',
        'Purchase too large',
        `${quantity} × ${price} exceeds the largest balance`,
      );
    }
    const balance = await debit(
      tx,
      { userId, type: 'SHOP_BUY', description: `Bought ${quantity} × ${item.name}` },
      cost,
      now,
    );
    const maxStack = BigInt((await readSettings(tx)).inventory.maxStackSize);
    if (!(await stackItems(tx, userId, itemId, quantity, maxStack))) {
      throw AppError.explained('invalid_state', 'Stack full', `a stack holds at most ${maxStack} of an item`);
    }
    return {
      success: true,
      cost: cost.toString(),
      balance: balance.toString(),
      entry: await getEntry(tx, userId, itemId),
    };
  });
}
