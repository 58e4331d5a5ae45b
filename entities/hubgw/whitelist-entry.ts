// One whitelist entry per player name (case-insensitive); an inactive or expired entry may be replaced.
import { defineEntity, p } from '@mikro-orm/core';

export const WhitelistEntry = defineEntity({
  name: 'WhitelistEntry',
  schema: 'hubgw',
  tableName: 'whitelist',
  properties: {
    id: p.uuid().primary(),
    playerName: p.string().length(64),
    addedBy: p.string().length(64),
    addedAt: p.datetime().index('whitelist_added_at_idx'),
    expiresAt: p.datetime().nullable(),
    isActive: p.boolean(),
    reason: p.text().nullable(),
  },
  uniques: [
    {
      name: 'whitelist_player_name_key',
      expression: 'create unique index "whitelist_player_name_key" on "hubgw"."whitelist" (lower("player_name"))',
    },
  ],
});
