// A player's named home location (HubGW). Names match case-insensitively per player.
import { defineEntity, p } from '@mikro-orm/core';
import { locationProperties } from './location.ts';

export const Home = defineEntity({
  name: 'Home',
  schema: 'hubgw',
  tableName: 'homes',
  properties: {
    id: p.uuid().primary(),
    playerUuid: p.uuid(),
    name: p.string().length(64),
    ...locationProperties(),
    isPublic: p.boolean(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
  uniques: [
    {
      name: 'homes_player_name_key',
      expression: 'create unique index "homes_player_name_key" on "hubgw"."homes" ("player_uuid", lower("name"))',
    },
  ],
});
