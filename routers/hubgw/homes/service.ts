// Homes writes: the upsert under the per-player limit, through the unit of work.
import { raw, type EntityManager } from '@mikro-orm/sql';
import { Home } from '#entities/hubgw/home.ts';
import { lockKey } from '#src/database/queries.ts';
import { assertUnderLimit } from '../owner-limit.ts';
import { toHome } from './queries.ts';
import type { HomeResponse, UpsertHomeInput } from './schemas.ts';
import { locationOf } from '../schemas.ts';

function findEntityByName(em: EntityManager, playerUuid: string, name: string) {
  return em.findOne(Home, { playerUuid, [raw('lower(name)')]: raw('lower(?)', [name]) });
}

/**
 * Creates or replaces the home named `input.name`. The per-player lock serialises concurrent upserts of one
 * player, so the count checked against `max_homes` cannot go stale before the insert commits.
 */
export function upsertHome(em: EntityManager, input: UpsertHomeInput, now: Date): Promise<HomeResponse> {
  return em.transactional(async (tx) => {
    await lockKey(tx, `homes:${input.player_uuid}`);
    const location = {
      name: input.name,
      ...locationOf(input),
      isPublic: input.is_public,
      updatedAt: now,
    };
    const existing = await findEntityByName(tx, input.player_uuid, input.name);
    if (existing) return toHome(tx.assign(existing, location));

    await assertUnderLimit(tx, 'home', input.player_uuid, input.max_homes);
    const created = tx.create(Home, {
      id: crypto.randomUUID(),
      playerUuid: input.player_uuid,
      createdAt: now,
      ...location,
    });
    await tx.flush();
    return toHome(created);
  });
}
