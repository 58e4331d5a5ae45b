// Warps: globally unique names, a per-owner limit, and changes only by the owner.
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { containsPattern, countRows, whereOf, withIsoTimestamps } from '../../shared/sql.ts';
import type { CreateWarpInput, ListWarpsInput, UpdateWarpInput, WarpResponse } from './schemas.ts';

const WARP_COLUMNS =
  'id, player_uuid, name, world, x, y, z, yaw, pitch, is_public, description, created_at, updated_at';
const TIMESTAMPS = ['created_at', 'updated_at'] as const;

function toWarp(row: WarpResponse): WarpResponse {
  return withIsoTimestamps(row, TIMESTAMPS);
}

async function findWarp(em: EntityManager, name: string, forUpdate = false): Promise<WarpResponse | null> {
  const rows = await em.execute<WarpResponse[]>(
    `select ${WARP_COLUMNS} from hubgw.warps where lower(name) = lower(?)${forUpdate ? ' for update' : ''}`,
    [name],
  );
  return rows[0] ? toWarp(rows[0]) : null;
}

export async function getWarp(em: EntityManager, name: string): Promise<WarpResponse> {
  const found = await findWarp(em, name);
  if (!found) throw new AppError('not_found', `Warp '${name}' not found`, { name });
  return found;
}

function alreadyExists(name: string, ownerUuid: string): AppError {
  return new AppError('already_exists', `Warp '${name}' already exists`, { owner_uuid: ownerUuid });
}

/**
 * The owner's lock serialises that owner's creations, so the count checked against `max_warps` stays true until
 * the insert commits; the unique index on lower(name) settles two owners racing for one name.
 */
export function createWarp(em: EntityManager, input: CreateWarpInput, now: Date): Promise<WarpResponse> {
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`warps:${input.player_uuid}`]);
    const existing = await findWarp(tx, input.name);
    if (existing) throw alreadyExists(input.name, existing.player_uuid);
    if (input.max_warps !== undefined) {
      const current = await countRows(tx, 'select count(*) from hubgw.warps where player_uuid = ?', [
        input.player_uuid,
      ]);
      if (current >= input.max_warps) {
        throw new AppError('limit_exceeded', `Warp limit exceeded. Maximum ${input.max_warps} warps allowed.`, {
          player_uuid: input.player_uuid,
          current_count: current,
          max_warps: input.max_warps,
        });
      }
    }
    const rows = await tx.execute<WarpResponse[]>(
      `insert into hubgw.warps (id, player_uuid, name, world, x, y, z, yaw, pitch, is_public, description, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict ((lower(name))) do nothing
       returning ${WARP_COLUMNS}`,
      [
        crypto.randomUUID(),
        input.player_uuid,
        input.name,
        input.world,
        input.x,
        input.y,
        input.z,
        input.yaw,
        input.pitch,
        input.is_public,
        input.description ?? null,
        now,
        now,
      ],
    );
    if (rows[0]) return toWarp(rows[0]);
    const winner = await findWarp(tx, input.name);
    throw alreadyExists(input.name, winner?.player_uuid ?? 'unknown');
  });
}

async function ownedWarp(
  em: EntityManager,
  name: string,
  requestedBy: string,
  verb: 'update' | 'delete',
): Promise<WarpResponse> {
  const found = await findWarp(em, name, true);
  if (!found) throw new AppError('not_found', `Warp '${name}' not found`, { name });
  if (found.player_uuid !== requestedBy.toLowerCase()) {
    throw new AppError('permission_denied', `You don't have permission to ${verb} warp '${found.name}'`, {
      warp_owner: found.player_uuid,
      requested_by: requestedBy,
    });
  }
  return found;
}

const UPDATABLE = ['world', 'x', 'y', 'z', 'yaw', 'pitch', 'is_public', 'description'] as const;

/** Changes only the fields given; the name identifies the warp and is not changed. */
export function updateWarp(em: EntityManager, input: UpdateWarpInput, now: Date): Promise<WarpResponse> {
  return em.transactional(async (tx) => {
    const current = await ownedWarp(tx, input.name, input.player_uuid, 'update');
    const given = UPDATABLE.filter((field) => input[field] !== undefined);
    const assignments = [...given.map((field) => `${field} = ?`), 'updated_at = ?'].join(', ');
    const rows = await tx.execute<WarpResponse[]>(
      `update hubgw.warps set ${assignments} where id = ? returning ${WARP_COLUMNS}`,
      [...given.map((field) => input[field] ?? null), now, current.id],
    );
    return toWarp(rows[0]!);
  });
}

export function deleteWarp(em: EntityManager, name: string, requestedBy: string): Promise<void> {
  return em.transactional(async (tx) => {
    const current = await ownedWarp(tx, name, requestedBy, 'delete');
    await tx.execute<QueryResult>('delete from hubgw.warps where id = ?', [current.id], 'run');
  });
}

export async function listWarps(em: EntityManager, filter: ListWarpsInput) {
  const { where, params } = whereOf([
    filter.name === undefined ? null : [`name ilike ? escape '\\'`, containsPattern(filter.name)],
    filter.world === undefined ? null : ['world = ?', filter.world],
    filter.is_public === undefined ? null : ['is_public = ?', filter.is_public],
  ]);
  const rows = await em.execute<(WarpResponse & { total: string })[]>(
    `select ${WARP_COLUMNS}, count(*) over () as total from hubgw.warps ${where} order by lower(name), id limit ? offset ?`,
    [...params, filter.size, (filter.page - 1) * filter.size],
  );
  // Past the last page the window count has no row to ride on, so count separately.
  const total = rows[0]
    ? Number(rows[0].total)
    : await countRows(em, `select count(*) from hubgw.warps ${where}`, params);
  return { warps: rows.map(({ total: _total, ...warp }) => toWarp(warp)), total };
}
