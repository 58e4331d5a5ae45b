// How many of one item a user holds; a row exists only while the quantity is positive, and goes with its user or item.
import { defineEntity, p } from '@mikro-orm/core';
import { Item } from './item.ts';
import { User } from './user.ts';

export const InventoryEntry = defineEntity({
  name: 'InventoryEntry',
  schema: 'aurora',
  tableName: 'inventory',
  properties: {
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    item: () => p.manyToOne(Item).primary().deleteRule('cascade').index('inventory_item_id_idx'),
    quantity: p.bigint('string'),
  },
  checks: [{ name: 'inventory_quantity_check', expression: 'quantity > 0' }],
});
