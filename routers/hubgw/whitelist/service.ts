// The whitelist: one entry per player name; an active, unexpired entry blocks a new one, anything else is replaced.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';
import { expectTouched } from '#src/database/queries.ts';
import { toEntry } from './queries.ts';
import type { AddWhitelistInput, WhitelistEntryResponse } from './schemas.ts';

/** One statement: the conflict clause replaces an inactive or expired entry and leaves a live one alone. */
export async function addToWhitelist(
  em: EntityManager,
  input: AddWhitelistInput,
  now: Date,
): Promise<WhitelistEntryResponse> {
  const entry = {
    id: crypto.randomUUID(),
    playerName: input.player_name,
    addedBy: input.added_by,
    addedAt: input.added_at ? new Date(input.added_at) : now,
    expiresAt: input.expires_at ? new Date(input.expires_at) : null,
    isActive: input.is_active,
    reason: input.reason ?? null,
  };
  const added = await db(em)
    .insertInto('WhitelistEntry')
    .values(entry)
    .onConflict((conflict) =>
      conflict
        .expression(sql`lower(player_name)`)
        .doUpdateSet(entry)
        .where((where) =>
          where.or([
            where('WhitelistEntry.isActive', '=', false),
            where.and([
              where('WhitelistEntry.expiresAt', 'is not', null),
              where('WhitelistEntry.expiresAt', '<=', now),
            ]),
          ]),
        ),
    )
    .returningAll()
    .executeTakeFirst();
  if (!added) {
    throw alreadyWhitelisted(input.player_name);
  }
  return toEntry(added);
}

export function alreadyWhitelisted(playerName: string): AppError {
  return new AppError('already_exists', `Player '${playerName}' is already whitelisted`, { player_name: playerName });
}

export function notWhitelisted(playerName: string): AppError {
  return new AppError('not_found', `Player '${playerName}' is not on the whitelist`, { player_name: playerName });
}

export async function removeFromWhitelist(em: EntityManager, playerName: string): Promise<void> {
  const result = await db(em)
    .deleteFrom('WhitelistEntry')
    .where(sql`lower(player_name)`, '=', playerName.toLowerCase())
    .executeTakeFirst();
  expectTouched(result.numDeletedRows, () => notWhitelisted(playerName));
}
