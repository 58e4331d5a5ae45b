// Warps: globally unique names, a per-owner limit, and changes only by the owner.
import { type EntityManager, LockMode, raw } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { Warp } from '#entities/hubgw/warp.ts';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';
import { givenFields, lockKey } from '#src/database/queries.ts';
import { assertUnderLimit } from '../owner-limit.ts';
import { byName, toWarp, warpNotFound } from './queries.ts';
import { type CreateWarpInput, type UpdateWarpInput, type WarpResponse, warpColumns } from './schemas.ts';

export function alreadyExists(name: string, ownerUuid: string): AppError {
  return new AppError('already_exists', `Warp '${name}' already exists`, { owner_uuid: ownerUuid });
}

/**
 * The owner's lock serialises that owner's creations, so the count checked against `max_warps` stays true until
 * the insert commits; the unique index on lower(name) settles two owners racing for one name.
 */
export function createWarp(em: EntityManager, input: CreateWarpInput, now: Date): Promise<WarpResponse> {
  return em.transactional(async (tx) => {
    await lockKey(tx, `warps:${input.player_uuid}`);
    const existing = await byName(db(tx), input.name).executeTakeFirst();
    if (existing) throw alreadyExists(input.name, existing.playerUuid);
    await assertUnderLimit(tx, 'warp', input.player_uuid, input.max_warps);
    const created = await db(tx)
      .insertInto('Warp')
      .values({
        id: crypto.randomUUID(),
        playerUuid: input.player_uuid,
        name: input.name,
        ...warpColumns(input),
        description: input.description ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflict((conflict) => conflict.expression(sql`lower(name)`).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (created) return toWarp(created);
    const winner = await byName(db(tx), input.name).executeTakeFirst();
    throw alreadyExists(input.name, winner?.playerUuid ?? 'unknown');
  });
}

export function permissionDenied(verb: 'update' | 'delete', name: string, owner: string, requestedBy: string) {
  return new AppError('permission_denied', `You don't have permission to ${verb} warp '${name}'`, {
    warp_owner: owner,
    requested_by: requestedBy,
  });
}

async function ownedWarp(em: EntityManager, name: string, requestedBy: string, verb: 'update' | 'delete') {
  const found = await em.findOne(
    Warp,
    { [raw('lower(name)')]: name.toLowerCase() },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!found) throw warpNotFound(name);
  if (found.playerUuid !== requestedBy.toLowerCase()) {
    throw permissionDenied(verb, found.name, found.playerUuid, requestedBy);
  }
  return found;
}

/** Changes only the fields given; the name identifies the warp and is not changed. */
export function updateWarp(em: EntityManager, input: UpdateWarpInput, now: Date): Promise<WarpResponse> {
  return em.transactional(async (tx) => {
    const warp = await ownedWarp(tx, input.name, input.player_uuid, 'update');
    tx.assign(warp, { ...givenFields(warpColumns(input)), updatedAt: now });
    await tx.flush();
    return toWarp(warp);
  });
}

export function deleteWarp(em: EntityManager, name: string, requestedBy: string): Promise<void> {
  return em.transactional(async (tx) => {
    tx.remove(await ownedWarp(tx, name, requestedBy, 'delete'));
  });
}
