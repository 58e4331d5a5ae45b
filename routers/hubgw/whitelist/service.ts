// The whitelist: one entry per player name; an active, unexpired entry blocks a new one, anything else is replaced.
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { countRows, withIsoTimestamps } from '../../shared/sql.ts';
import type { AddWhitelistInput, WhitelistEntryResponse } from './schemas.ts';

const ENTRY_COLUMNS = 'id, player_name, added_by, added_at, expires_at, is_active, reason';
const TIMESTAMPS = ['added_at', 'expires_at'] as const;

function toEntry(row: WhitelistEntryResponse): WhitelistEntryResponse {
  return withIsoTimestamps(row, TIMESTAMPS);
}

/** One statement: the conflict clause replaces an inactive or expired entry and leaves a live one alone. */
export async function addToWhitelist(
  em: EntityManager,
  input: AddWhitelistInput,
  now: Date,
): Promise<WhitelistEntryResponse> {
  const rows = await em.execute<WhitelistEntryResponse[]>(
    `insert into hubgw.whitelist as entry (${ENTRY_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?)
     on conflict ((lower(player_name))) do update set id = excluded.id, player_name = excluded.player_name,
       added_by = excluded.added_by, added_at = excluded.added_at, expires_at = excluded.expires_at,
       is_active = excluded.is_active, reason = excluded.reason
     where not entry.is_active or (entry.expires_at is not null and entry.expires_at <= ?)
     returning ${ENTRY_COLUMNS}`,
    [
      crypto.randomUUID(),
      input.player_name,
      input.added_by,
      input.added_at ? new Date(input.added_at) : now,
      input.expires_at ? new Date(input.expires_at) : null,
      input.is_active,
      input.reason ?? null,
      now,
    ],
  );
  if (!rows[0]) {
    throw new AppError('already_exists', `Player '${input.player_name}' is already whitelisted`, {
      player_name: input.player_name,
    });
  }
  return toEntry(rows[0]);
}

export async function removeFromWhitelist(em: EntityManager, playerName: string): Promise<void> {
  const result = await em.execute<QueryResult>(
    'delete from hubgw.whitelist where lower(player_name) = lower(?)',
    [playerName],
    'run',
  );
  if (result.affectedRows === 0) {
    throw new AppError('not_found', `Player '${playerName}' is not on the whitelist`, { player_name: playerName });
  }
}

export async function isWhitelisted(em: EntityManager, playerName: string, now: Date): Promise<boolean> {
  const count = await countRows(
    em,
    `select count(*) from hubgw.whitelist
     where lower(player_name) = lower(?) and is_active and (expires_at is null or expires_at > ?)`,
    [playerName, now],
  );
  return count > 0;
}

export async function listWhitelist(em: EntityManager): Promise<WhitelistEntryResponse[]> {
  const rows = await em.execute<WhitelistEntryResponse[]>(
    `select ${ENTRY_COLUMNS} from hubgw.whitelist order by added_at desc, id`,
  );
  return rows.map(toEntry);
}

export function countWhitelist(em: EntityManager): Promise<number> {
  return countRows(em, 'select count(*) from hubgw.whitelist');
}
