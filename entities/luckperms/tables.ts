// LuckPerms' own PostgreSQL schema (table prefix `luckperms_`), column for column, so the LuckPerms plugin can share
// the database. created_at/updated_at are additions with defaults, which the plugin never writes. Its actions and
// tracks tables are created too: the plugin skips its own set-up once it sees user_permissions.
import { defineEntity, p } from '@mikro-orm/core';

const timestamps = {
  createdAt: p.datetime().defaultRaw('now()'),
  updatedAt: p.datetime().defaultRaw('now()'),
};

function permissionColumns() {
  return {
    id: p.integer().primary().autoincrement(),
    permission: p.string().length(200),
    value: p.boolean(),
    server: p.string().length(36),
    world: p.string().length(36),
    expiry: p.integer(),
    contexts: p.string().length(200),
    ...timestamps,
  };
}

export const LuckPermsPlayer = defineEntity({
  name: 'LuckPermsPlayer',
  tableName: 'luckperms_players',
  properties: {
    uuid: p.string().length(36).primary(),
    username: p.string().length(16).index('luckperms_players_username'),
    primaryGroup: p.string().length(36),
    ...timestamps,
  },
});

export const LuckPermsGroup = defineEntity({
  name: 'LuckPermsGroup',
  tableName: 'luckperms_groups',
  properties: {
    name: p.string().length(36).primary(),
    ...timestamps,
  },
});

export const LuckPermsUserPermission = defineEntity({
  name: 'LuckPermsUserPermission',
  tableName: 'luckperms_user_permissions',
  properties: { uuid: p.string().length(36).index('luckperms_user_permissions_uuid'), ...permissionColumns() },
});

export const LuckPermsGroupPermission = defineEntity({
  name: 'LuckPermsGroupPermission',
  tableName: 'luckperms_group_permissions',
  properties: { name: p.string().length(36).index('luckperms_group_permissions_name'), ...permissionColumns() },
});

export const LuckPermsAction = defineEntity({
  name: 'LuckPermsAction',
  tableName: 'luckperms_actions',
  properties: {
    id: p.integer().primary().autoincrement(),
    time: p.bigint('number'),
    actorUuid: p.string().length(36),
    actorName: p.string().length(100),
    type: p.string().length(1).columnType('char(1)'),
    actedUuid: p.string().length(36),
    actedName: p.string().length(36),
    action: p.string().length(300),
  },
});

export const LuckPermsTrack = defineEntity({
  name: 'LuckPermsTrack',
  tableName: 'luckperms_tracks',
  properties: {
    name: p.string().length(36).primary(),
    groups: p.text(),
  },
});
