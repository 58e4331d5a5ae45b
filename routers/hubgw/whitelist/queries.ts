// The whitelist as the API shows it: a player's standing, every entry, and the count.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { WhitelistEntry } from '#entities/hubgw/whitelist-entry.ts';
import { db, type Stored } from '../../shared/database.ts';
import type { WhitelistEntryResponse } from './schemas.ts';

export function toEntry(entry: Stored<typeof WhitelistEntry>): WhitelistEntryResponse {
  return {
    id: entry.id,
    player_name: entry.playerName,
    added_by: entry.addedBy,
    added_at: entry.addedAt.toISOString(),
    expires_at: entry.expiresAt?.toISOString() ?? null,
    is_active: entry.isActive,
    reason: entry.reason ?? null,
  };
}

/** An active entry that has not expired; names match without regard to case. */
export async function isWhitelisted(em: EntityManager, playerName: string, now: Date) {
  const entry = await db(em)
    .selectFrom('WhitelistEntry')
    .select('id')
    .where(sql`lower(player_name)`, '=', playerName.toLowerCase())
    .where('isActive', '=', true)
    .where((where) => where.or([where('expiresAt', 'is', null), where('expiresAt', '>', now)]))
    .executeTakeFirst();
  return { is_whitelisted: entry !== undefined };
}

export async function listWhitelist(em: EntityManager) {
  const rows = await db(em).selectFrom('WhitelistEntry').selectAll().orderBy('addedAt', 'desc').orderBy('id').execute();
  return { entries: rows.map(toEntry), total: rows.length };
}

export async function countWhitelist(em: EntityManager) {
  const { count } = await db(em)
    .selectFrom('WhitelistEntry')
    .select(sql<string>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return { total: Number(count) };
}
