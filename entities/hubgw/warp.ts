// A warp point: globally unique name (case-insensitive), owned by the player who made it.
import { defineEntity, p } from '@mikro-orm/core';
import { locationProperties } from './location.ts';

export const Warp = defineEntity({
  name: 'Warp',
  schema: 'hubgw',
  tableName: 'warps',
  properties: {
    id: p.uuid().primary(),
    playerUuid: p.uuid().index('warps_player_uuid_idx'),
    name: p.string().length(64),
    ...locationProperties(),
    isPublic: p.boolean(),
    description: p.text().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  uniques: [
    { name: 'warps_name_key', expression: 'create unique index "warps_name_key" on "hubgw"."warps" (lower("name"))' },
  ],
  // The list's page by world (and visibility) in its order, read from the index without a sort, and its count from
  // the same index.
  indexes: [
    {
      name: 'warps_world_public_name_idx',
      expression:
        'create index "warps_world_public_name_idx" on "hubgw"."warps" ("world", "is_public", lower("name"), "id")',
    },
  ],
});
