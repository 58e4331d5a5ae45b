// Request and response schemas of Aurora items.
import { z } from 'zod';
import { ITEM_RARITIES } from '#entities/aurora/item.ts';
import { jsonObject, name, serialIdParameter, text } from '../../shared/schemas.ts';
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

export const itemFields = z.object({
  name: name(100),
  description: text(2000).nullable().optional(),
  type: name(32),
  rarity,
  price: bigintString.default('0'),
  iconUrl: assetUrl,
  imageUrl: assetUrl,
  usageData,
});

export const updateItemInput = z.strictObject({
  id: itemId,
  name: name(100).optional(),
  description: text(2000).nullable().optional(),
  type: name(32).optional(),
  rarity: rarity.optional(),
  price: bigintString.optional(),
  iconUrl: assetUrl,
  imageUrl: assetUrl,
  usageData,
});

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
