// Response schema of an inventory stack: the item held, with its quantity.
import { z } from 'zod';
import { item } from '../items/schemas.ts';

export const inventoryEntry = z
  .object({ userId: z.string(), itemId: z.number().int(), quantity: z.string(), item })
  .meta({ id: 'InventoryEntry' });
