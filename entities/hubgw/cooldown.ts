// A player's cooldown of one type; at most one per (player, type), replaced when set again.
import { defineEntity, p } from '@mikro-orm/core';

export const Cooldown = defineEntity({
  name: 'Cooldown',
  schema: 'hubgw',
  tableName: 'cooldowns',
  properties: {
    id: p.uuid().primary(),
    playerUuid: p.uuid(),
    cooldownType: p.string().length(128),
    expiresAt: p.datetime(),
    data: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  uniques: [{ name: 'cooldowns_player_type_key', properties: ['playerUuid', 'cooldownType'] }],
});
