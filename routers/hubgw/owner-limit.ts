// A player's limit on what they own (homes, warps): checked before a creation, under the owner's lock that the
// caller holds, so the count stays true until the insert commits.
import type { EntityManager } from '@mikro-orm/sql';
import { Home } from '#entities/hubgw/home.ts';
import { Warp } from '#entities/hubgw/warp.ts';
import { AppError } from '#src/errors.ts';

/** Refuses with the document's limit_exceeded body once the player owns `max` of the kind; no limit when absent. */
export async function assertUnderLimit(
  em: EntityManager,
  kind: 'home' | 'warp',
  playerUuid: string,
  max: number | undefined,
): Promise<void> {
  if (max === undefined) return;
  const current = kind === 'home' ? await em.count(Home, { playerUuid }) : await em.count(Warp, { playerUuid });
  if (current >= max) throw limitExceeded(kind, playerUuid, current, max);
}

/** The document's limit_exceeded body: `Home limit exceeded. Maximum 5 homes allowed.` with the counts. */
export function limitExceeded(kind: 'home' | 'warp', playerUuid: string, current: number, max: number): AppError {
  const Kind = `${kind[0]!.toUpperCase()}${kind.slice(1)}`;
  return new AppError('limit_exceeded', `${Kind} limit exceeded. Maximum ${max} ${kind}s allowed.`, {
    player_uuid: playerUuid,
    current_count: current,
    [`max_${kind}s`]: max,
  });
}
