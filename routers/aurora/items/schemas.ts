// Request and response schemas of Aurora items.
import { z } from 'zod';
import { ITEM_RARITIES } from '#entities/aurora/item.ts';
import { jsonObject, name, serialIdParameter, text, updateOf } from '../../shared/schemas.ts';
import { bigintString, pagination } from '../schemas.ts';

export const itemId = serialIdParameter;
export const rarity = z.enum(ITEM_RARITIES);
const assetUrl = text(512).nullable().optional();
const usageData = jsonObject().nullable().optional();

export const item = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    type: z.string(),
    rarity,
    price: z.string(),
    iconUrl: z.string().nullable(),
    imageUrl: z.string().nullable(),
    usageData: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'Item' });

export const itemResult = z.object({ success: z.literal(true), item });

export const itemList = z.object({ items: z.array(item), total: z.number().int() });

export const itemIdInput = z.object({ id: itemId });

/** An item's writable fields, listed once: creation fills in the price, an update takes any of them. */
const writableFields = z.object({
  name: name(100),
  description: text(2000).nullable().optional(),
  type: name(32),
  rarity,
  price: bigintString,
  iconUrl: assetUrl,
  imageUrl: assetUrl,
  usageData,
});

export const itemFields = writableFields.extend({ price: bigintString.default('0') });

export const updateItemInput = updateOf(writableFields, { id: itemId });

export const listItemsInput = z.object({
  search: name(100).optional(),
  type: name(32).optional(),
  rarity: rarity.optional(),
  ...pagination(100),
});

export type ItemResponse = z.infer<typeof item>;
export type ItemFields = z.infer<typeof itemFields>;
export type UpdateItemInput = z.infer<typeof updateItemInput>;
export type ListItemsInput = z.infer<typeof listItemsInput>;
export type Rarity = z.infer<typeof rarity>;
