// Request and response schemas of the Aurora shop.
import { z } from 'zod';
import { serialId } from '../../shared/schemas.ts';
import { inventoryEntry } from '../inventory/schemas.ts';
import { discordId, positiveBigintString } from '../schemas.ts';

export const buyInput = z.object({ userId: discordId, itemId: serialId, quantity: positiveBigintString.default('1') });

export const purchase = z.object({
  success: z.literal(true),
  cost: z.string(),
  balance: z.string(),
  entry: inventoryEntry,
});

export type BuyInput = z.infer<typeof buyInput>;
export type Purchase = z.infer<typeof purchase>;
