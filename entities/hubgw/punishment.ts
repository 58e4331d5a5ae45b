// A ban, IP ban, mute, kick or warning. At most one active ban (ban or ip_ban) and one active mute per player,
// enforced by a partial unique index so concurrent creations cannot both succeed.
import { defineEntity, p } from '@mikro-orm/core';

export const PUNISHMENT_TYPES = ['ban', 'ip_ban', 'mute', 'kick', 'warn'] as const;
export type PunishmentType = (typeof PUNISHMENT_TYPES)[number];

export const Punishment = defineEntity({
  name: 'Punishment',
  schema: 'hubgw',
  tableName: 'punishments',
  properties: {
    id: p.uuid().primary(),
    playerUuid: p.uuid(),
    playerName: p.string().length(64),
    playerIp: p.string().length(45).nullable(),
    punishmentType: p.string().length(16),
    reason: p.text(),
    staffUuid: p.uuid().nullable(),
    staffName: p.string().length(64).nullable(),
    expiresAt: p.datetime().nullable(),
    isActive: p.boolean(),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.string().length(64).nullable(),
    revokedReason: p.text().nullable(),
    evidenceUrl: p.text().nullable(),
    notes: p.text().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  indexes: [{ name: 'punishments_player_created_idx', properties: ['playerUuid', 'createdAt'] }],
  uniques: [
    {
      name: 'punishments_one_active_ban_key',
      expression: `create unique index "punishments_one_active_ban_key" on "hubgw"."punishments" ("player_uuid") where "is_active" and "punishment_type" in ('ban', 'ip_ban')`,
    },
    {
      name: 'punishments_one_active_mute_key',
      expression: `create unique index "punishments_one_active_mute_key" on "hubgw"."punishments" ("player_uuid") where "is_active" and "punishment_type" = 'mute'`,
    },
  ],
  checks: [
    { name: 'punishments_type_check', expression: `punishment_type in ('ban', 'ip_ban', 'mute', 'kick', 'warn')` },
  ],
});
