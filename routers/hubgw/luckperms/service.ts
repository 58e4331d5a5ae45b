// LuckPerms data in the plugin's own tables: usernames and group names are kept lower-case, as LuckPerms does.
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { withIsoTimestamps } from '../../shared/sql.ts';
import { offlinePlayerUuid } from './offline-uuid.ts';
import type { CreatePlayerInput, GroupResponse, PermissionResponse, PlayerResponse } from './schemas.ts';

const PLAYER_COLUMNS = 'uuid, username, primary_group, created_at, updated_at';
const PERMISSION_COLUMNS = 'id, uuid, permission, value, server, world, expiry, contexts, created_at, updated_at';
const TIMESTAMPS = ['created_at', 'updated_at'] as const;

function stamped<Row extends { created_at: string; updated_at: string }>(row: Row): Row {
  return withIsoTimestamps(row, TIMESTAMPS);
}

function playerNotFound(key: 'uuid' | 'username', value: string): AppError {
  return new AppError('not_found', `Player '${value}' not found`, { [key]: value });
}

export async function playerByUuid(em: EntityManager, uuid: string): Promise<PlayerResponse> {
  const rows = await em.execute<PlayerResponse[]>(
    `select ${PLAYER_COLUMNS} from luckperms_players where uuid = lower(?)`,
    [uuid],
  );
  if (!rows[0]) throw playerNotFound('uuid', uuid);
  return stamped(rows[0]);
}

export async function playerByUsername(em: EntityManager, username: string): Promise<PlayerResponse> {
  const rows = await em.execute<PlayerResponse[]>(
    `select ${PLAYER_COLUMNS} from luckperms_players where username = lower(?)`,
    [username],
  );
  if (!rows[0]) throw playerNotFound('username', username);
  return stamped(rows[0]);
}

export async function groupByName(em: EntityManager, name: string): Promise<GroupResponse> {
  const rows = await em.execute<GroupResponse[]>(
    'select name, created_at, updated_at from luckperms_groups where name = lower(?)',
    [name],
  );
  if (!rows[0]) throw new AppError('not_found', `Group '${name}' not found`, { name });
  return stamped(rows[0]);
}

/** The player's own permission nodes; the caller has already found the player. */
export async function permissionsOf(em: EntityManager, uuid: string): Promise<PermissionResponse[]> {
  const rows = await em.execute<PermissionResponse[]>(
    `select ${PERMISSION_COLUMNS} from luckperms_user_permissions where uuid = lower(?) order by id`,
    [uuid],
  );
  return rows.map(stamped);
}

/**
 * LuckPerms' schema has no unique index on username (the plugin manages renames itself), so a lock on the
 * lower-cased name keeps two concurrent creations from both passing the check.
 */
export function createPlayer(em: EntityManager, input: CreatePlayerInput, now: Date): Promise<PlayerResponse> {
  const username = input.username.toLowerCase();
  const uuid = (input.uuid ?? offlinePlayerUuid(input.username)).toLowerCase();
  const primaryGroup = input.primary_group.toLowerCase();
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`luckperms:username:${username}`]);
    const groups = await tx.execute('select 1 from luckperms_groups where name = ?', [primaryGroup]);
    if (groups.length === 0) {
      throw new AppError('validation_error', 'Validation failed', {
        issues: [{ path: 'primary_group', message: `unknown group '${primaryGroup}'` }],
      });
    }
    const sameName = await tx.execute<{ uuid: string }[]>('select uuid from luckperms_players where username = ?', [
      username,
    ]);
    if (sameName[0]) {
      throw new AppError('already_exists', `Player '${username}' already exists`, { username, uuid: sameName[0].uuid });
    }
    const rows = await tx.execute<PlayerResponse[]>(
      `insert into luckperms_players (uuid, username, primary_group, created_at, updated_at) values (?, ?, ?, ?, ?)
       on conflict (uuid) do nothing returning ${PLAYER_COLUMNS}`,
      [uuid, username, primaryGroup, now, now],
    );
    if (!rows[0]) throw new AppError('already_exists', `Player with uuid '${uuid}' already exists`, { uuid });
    return stamped(rows[0]);
  });
}
