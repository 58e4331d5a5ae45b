// Homes writes: the upsert under the per-player limit, through the unit of work.
import { raw, type EntityManager } from '@mikro-orm/sql';
import { Home, type HomeEntity } from '#entities/hubgw/home.ts';
import { AppError } from '#src/errors.ts';
import type { HomeResponse, UpsertHomeInput } from './schemas.ts';

export function homeEntityToResponse(home: HomeEntity): HomeResponse {
  return {
    id: home.id,
    player_uuid: home.playerUuid,
    name: home.name,
    world: home.world,
    x: home.x,
    y: home.y,
    z: home.z,
    yaw: home.yaw,
    pitch: home.pitch,
    is_public: home.isPublic,
    created_at: home.createdAt.toISOString(),
    updated_at: home.updatedAt.toISOString(),
  };
}

function findEntityByName(em: EntityManager, playerUuid: string, name: string) {
  return em.findOne(Home, { playerUuid, [raw('lower(name)')]: raw('lower(?)', [name]) });
}

/**
 * Creates or replaces the home named `input.name`. The per-player lock serialises concurrent upserts of one
 * player, so the count checked against `max_homes` cannot go stale before the insert commits.
 */
export function upsertHome(em: EntityManager, input: UpsertHomeInput, now: Date): Promise<HomeEntity> {
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`homes:${input.player_uuid}`]);
    const location = {
      name: input.name,
      world: input.world,
      x: input.x,
      y: input.y,
      z: input.z,
      yaw: input.yaw,
      pitch: input.pitch,
      isPublic: input.is_public,
      updatedAt: now,
    };
    const existing = await findEntityByName(tx, input.player_uuid, input.name);
    if (existing) return tx.assign(existing, location);

    if (input.max_homes !== undefined) {
      const count = await tx.count(Home, { playerUuid: input.player_uuid });
      if (count >= input.max_homes) {
        throw new AppError('limit_exceeded', `Home limit exceeded. Maximum ${input.max_homes} homes allowed.`, {
          player_uuid: input.player_uuid,
          current_count: count,
          max_homes: input.max_homes,
        });
      }
    }
    return tx.create(Home, { id: crypto.randomUUID(), playerUuid: input.player_uuid, createdAt: now, ...location });
  });
}
