// A player's named home location (HubGW). Names match case-insensitively per player.
import { defineEntity, p } from '@mikro-orm/core';

export const Home = defineEntity({
  name: 'Home',
  schema: 'hubgw',
  tableName: 'homes',
  properties: {
    id: p.uuid().primary(),
    playerUuid: p.uuid(),
    name: p.string().length(64),
    world: p.string().length(64),
    x: p.float().columnType('double precision'),
    y: p.float().columnType('double precision'),
    z: p.float().columnType('double precision'),
    yaw: p.float().columnType('double precision'),
    pitch: p.float().columnType('double precision'),
    isPublic: p.boolean(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
  uniques: [{ name: 'homes_player_name_key', expression: 'create unique index "homes_player_name_key" on "hubgw"."homes" ("player_uuid", lower("name"))' }],
});

export type HomeEntity = InstanceType<typeof Home.class>;
