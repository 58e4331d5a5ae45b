// An item of the bot's economy; its image, when uploaded, is an ItemImage row.
import { defineEntity, p } from '@mikro-orm/core';

export const ITEM_RARITIES = ['C', 'R', 'SR', 'SSR'] as const;

export const Item = defineEntity({
  name: 'Item',
  schema: 'aurora',
  tableName: 'items',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(100),
    description: p.text().nullable(),
    type: p.string().length(32),
    rarity: p.string().length(3),
    price: p.bigint('string'),
    iconUrl: p.string().length(512).nullable(),
    imageUrl: p.string().length(512).nullable(),
    usageData: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  uniques: [
    { name: 'items_name_key', expression: 'create unique index "items_name_key" on "aurora"."items" (lower("name"))' },
  ],
  checks: [
    { name: 'items_rarity_check', expression: `rarity in ('C', 'R', 'SR', 'SSR')` },
    { name: 'items_price_check', expression: 'price >= 0' },
  ],
});
