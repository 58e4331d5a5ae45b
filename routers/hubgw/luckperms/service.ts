// Creating a LuckPerms player in the plugin's own tables, as LuckPerms itself would: lower-cased names, and the
// offline-mode UUID when none is given.
import type { EntityManager } from '@mikro-orm/sql';
import { LuckPermsGroup, LuckPermsPlayer } from '#entities/luckperms/tables.ts';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';
import { lockKey } from '#src/database/queries.ts';
import { offlinePlayerUuid } from './offline-uuid.ts';
import { toPlayer } from './queries.ts';
import type { CreatePlayerInput, PlayerResponse } from './schemas.ts';

/**
 * LuckPerms' schema has no unique index on username (the plugin manages renames itself), so a lock on the
 * lower-cased name keeps two concurrent creations from both passing the check.
 */
export function createPlayer(em: EntityManager, input: CreatePlayerInput, now: Date): Promise<PlayerResponse> {
  const username = input.username.toLowerCase();
  const uuid = (input.uuid ?? offlinePlayerUuid(input.username)).toLowerCase();
  const primaryGroup = input.primary_group.toLowerCase();
  return em.transactional(async (tx) => {
    await lockKey(tx, `luckperms:username:${username}`);
    if ((await tx.count(LuckPermsGroup, { name: primaryGroup })) === 0) {
      throw AppError.validation('primary_group', `unknown group '${primaryGroup}'`);
    }
    const sameName = await tx.findOne(LuckPermsPlayer, { username }, { fields: ['uuid'] });
    if (sameName) {
      throw new AppError('already_exists', `Player '${username}' already exists`, { username, uuid: sameName.uuid });
    }
    const created = await db(tx)
      .insertInto('LuckPermsPlayer')
      .values({ uuid, username, primaryGroup, createdAt: now, updatedAt: now })
      .onConflict((conflict) => conflict.column('uuid').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!created) throw new AppError('already_exists', `Player with uuid '${uuid}' already exists`, { uuid });
    return toPlayer(created);
  });
}
