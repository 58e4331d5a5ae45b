// LuckPerms players, groups and permission nodes as the API shows them. LuckPerms keeps usernames and group names
// lower-case, so lookups lower-case what they are given.
import type { EntityManager } from '@mikro-orm/sql';
import type { LuckPermsGroup, LuckPermsPlayer, LuckPermsUserPermission } from '#entities/luckperms/tables.ts';
import { db, type Stored } from '../../shared/database.ts';
import type { GroupResponse, PermissionResponse, PlayerResponse } from './schemas.ts';
import { notFound } from '../errors.ts';

export function toPlayer(player: Stored<typeof LuckPermsPlayer>): PlayerResponse {
  return {
    uuid: player.uuid,
    username: player.username,
    primary_group: player.primaryGroup,
    created_at: player.createdAt.toISOString(),
    updated_at: player.updatedAt.toISOString(),
  };
}

function toGroup(group: Stored<typeof LuckPermsGroup>): GroupResponse {
  return { name: group.name, created_at: group.createdAt.toISOString(), updated_at: group.updatedAt.toISOString() };
}

function toPermission(node: Stored<typeof LuckPermsUserPermission>): PermissionResponse {
  return {
    id: node.id,
    uuid: node.uuid,
    permission: node.permission,
    value: node.value,
    server: node.server,
    world: node.world,
    expiry: node.expiry,
    contexts: node.contexts,
    created_at: node.createdAt.toISOString(),
    updated_at: node.updatedAt.toISOString(),
  };
}

/** The player whose uuid or username (both kept lower-case) is `value`. */
async function playerBy(em: EntityManager, key: 'uuid' | 'username', value: string): Promise<PlayerResponse> {
  const found = await db(em)
    .selectFrom('LuckPermsPlayer')
    .selectAll()
    .where(key, '=', value.toLowerCase())
    .executeTakeFirst();
  if (!found) throw notFound('Player', value, { [key]: value });
  return toPlayer(found);
}

export function playerByUuid(em: EntityManager, uuid: string): Promise<PlayerResponse> {
  return playerBy(em, 'uuid', uuid);
}

export function playerByUsername(em: EntityManager, username: string): Promise<PlayerResponse> {
  return playerBy(em, 'username', username);
}

export async function groupByName(em: EntityManager, name: string): Promise<GroupResponse> {
  const found = await db(em)
    .selectFrom('LuckPermsGroup')
    .selectAll()
    .where('name', '=', name.toLowerCase())
    .executeTakeFirst();
  if (!found) throw notFound('Group', name, { name });
  return toGroup(found);
}

async function permissionsOf(em: EntityManager, uuid: string): Promise<PermissionResponse[]> {
  const rows = await db(em)
    .selectFrom('LuckPermsUserPermission')
    .selectAll()
    .where('uuid', '=', uuid.toLowerCase())
    .orderBy('id')
    .execute();
  return rows.map(toPermission);
}

/** A player's own permission nodes; an unknown player is 404, not an empty list. */
export async function playerPermissions(em: EntityManager, uuid: string): Promise<PermissionResponse[]> {
  await playerByUuid(em, uuid);
  return permissionsOf(em, uuid);
}

export async function findPlayerWithPermissions(em: EntityManager, uuid: string) {
  const found = await playerByUuid(em, uuid);
  return { ...found, permissions: await permissionsOf(em, uuid) };
}
