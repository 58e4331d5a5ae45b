// A kit definition: what a claim hands out and how long until the next claim. Names match case-insensitively.
import { defineEntity, p } from '@mikro-orm/core';

export interface KitItem {
  item: string;
  amount: number;
  nbt?: string;
}

export const Kit = defineEntity({
  name: 'Kit',
  schema: 'hubgw',
  tableName: 'kits',
  properties: {
    id: p.uuid().primary(),
    name: p.string().length(64),
    cooldownSeconds: p.integer(),
    items: p.json<KitItem[]>(),
    description: p.text().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  uniques: [
    { name: 'kits_name_key', expression: 'create unique index "kits_name_key" on "hubgw"."kits" (lower("name"))' },
  ],
  checks: [{ name: 'kits_cooldown_seconds_check', expression: 'cooldown_seconds >= 0' }],
});
