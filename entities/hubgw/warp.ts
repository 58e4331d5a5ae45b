// A warp point: globally unique name (case-insensitive), owned by the player who made it.
import { defineEntity, p } from '@mikro-orm/core';

export const Warp = defineEntity({
  name: 'Warp',
  schema: 'hubgw',
  tableName: 'warps',
  properties: {
    id: p.uuid().primary(),
    playerUuid: p.uuid().index('warps_player_uuid_idx'),
    name: p.string().length(64),
    world: p.string().length(64),
    x: p.float().columnType('double precision'),
    y: p.float().columnType('double precision'),
    z: p.float().columnType('double precision'),
    yaw: p.float().columnType('double precision'),
    pitch: p.float().columnType('double precision'),
    isPublic: p.boolean(),
    description: p.text().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  uniques: [{ name: 'warps_name_key', expression: 'create unique index "warps_name_key" on "hubgw"."warps" (lower("name"))' }],
});

export type WarpEntity = InstanceType<typeof Warp.class>;
