// Request and response schemas of HubGW's LuckPerms views.
import { z } from 'zod';
import { name, timestamp } from '../../shared/schemas.ts';
import { playerUuid, uuidOutput } from '../schemas.ts';

/** LuckPerms keeps usernames in VARCHAR(16) and group names in VARCHAR(36). */
const username = name(16);
const groupName = name(36);

export const player = z
  .object({
    uuid: uuidOutput,
    username: z.string(),
    primary_group: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'LuckPermsPlayer' });

export const permission = z
  .object({
    id: z.number().int(),
    uuid: uuidOutput,
    permission: z.string(),
    value: z.boolean(),
    server: z.string(),
    world: z.string(),
    expiry: z.number().int(),
    contexts: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'LuckPermsPermission' });

export const playerWithPermissions = player
  .extend({ permissions: z.array(permission) })
  .meta({ id: 'LuckPermsPlayerWithPermissions' });

export const group = z
  .object({ name: z.string(), created_at: timestamp, updated_at: timestamp })
  .meta({ id: 'LuckPermsGroup' });

export const createPlayerInput = z.object({
  username,
  primary_group: groupName.default('default'),
  uuid: playerUuid.optional().meta({ description: 'Defaults to the offline-mode UUID derived from the username' }),
});

export const uuidInput = z.object({ uuid: playerUuid });

export const usernameInput = z.object({ username });

export const groupNameInput = z.object({ name: groupName });

export const permissionList = z.array(permission);

export type PlayerResponse = z.infer<typeof player>;
export type PermissionResponse = z.infer<typeof permission>;
export type GroupResponse = z.infer<typeof group>;
export type CreatePlayerInput = z.infer<typeof createPlayerInput>;
