// Request and response schemas of Aurora inventory stacks: the item held, with its quantity.
import { z } from 'zod';
import { item, itemId } from '../items/schemas.ts';
import { discordId, positiveBigintString } from '../schemas.ts';

export const inventoryEntry = z
  .object({ userId: z.string(), itemId: z.number().int(), quantity: z.string(), item })
  .meta({ id: 'InventoryEntry' });

export const inventoryOwnerInput = z.object({ id: discordId });

export const inventoryList = z.object({ inventory: z.array(inventoryEntry) });

export const addToInventoryInput = z.object({ id: discordId, itemId, quantity: positiveBigintString });

export const inventoryAdded = z.object({ success: z.literal(true), entry: inventoryEntry });

export const removeFromInventoryInput = z.object({
  id: discordId,
  itemId,
  amount: z.coerce.number<number>().int().min(1).max(Number.MAX_SAFE_INTEGER).default(1),
});

export type InventoryEntryResponse = z.infer<typeof inventoryEntry>;
export type AddToInventoryInput = z.infer<typeof addToInventoryInput>;
export type RemoveFromInventoryInput = z.infer<typeof removeFromInventoryInput>;
