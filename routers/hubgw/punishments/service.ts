// Punishments. A punishment whose expiry has passed is reported inactive. At most one active ban (ban or ip_ban)
// and one active mute per player: partial unique indexes decide between concurrent creations.
import type { EntityManager } from '@mikro-orm/sql';
import type { PunishmentType } from '#entities/hubgw/punishment.ts';
import { AppError } from '#src/errors.ts';
import { countRows, whereOf, withIsoTimestamps } from '../../shared/sql.ts';
import type { CreatePunishmentInput, PunishmentResponse, QueryPunishmentsInput } from './schemas.ts';

const STORED_COLUMNS =
  'id, player_uuid, player_name, player_ip, punishment_type, reason, staff_uuid, staff_name, expires_at, is_active, ' +
  'revoked_at, revoked_by, revoked_reason, evidence_url, notes, created_at, updated_at';
const TIMESTAMPS = ['expires_at', 'revoked_at', 'created_at', 'updated_at'] as const;

/** `is_active` as reported: stored active and not yet expired at `?` (the request's now). */
const EFFECTIVELY_ACTIVE = '(is_active and (expires_at is null or expires_at > ?))';
const REPORTED_COLUMNS = STORED_COLUMNS.replace('is_active', `${EFFECTIVELY_ACTIVE} as is_active`);

/** Types that share one active slot per player. */
const EXCLUSIVE_GROUPS: Partial<Record<PunishmentType, PunishmentType[]>> = {
  ban: ['ban', 'ip_ban'],
  ip_ban: ['ban', 'ip_ban'],
  mute: ['mute'],
};

function toPunishment(row: PunishmentResponse): PunishmentResponse {
  return withIsoTimestamps(row, TIMESTAMPS);
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

async function activeOf(
  em: EntityManager,
  playerUuid: string,
  types: PunishmentType[],
  now: Date,
): Promise<PunishmentResponse | null> {
  const rows = await em.execute<PunishmentResponse[]>(
    `select ${REPORTED_COLUMNS} from hubgw.punishments
     where player_uuid = ? and punishment_type in (${placeholders(types.length)}) and ${EFFECTIVELY_ACTIVE}
     order by created_at desc limit 1`,
    [now, playerUuid, ...types, now],
  );
  return rows[0] ? toPunishment(rows[0]) : null;
}

export function createPunishment(
  em: EntityManager,
  input: CreatePunishmentInput,
  now: Date,
): Promise<PunishmentResponse> {
  // An expiry in the past is stored as it is (an imported ban history), inactive from the start, so it never holds
  // the player's one active slot.
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
  const active = expiresAt === null || expiresAt > now;
  const group = EXCLUSIVE_GROUPS[input.punishment_type];
  return em.transactional(async (tx) => {
    if (group) {
      // An expired punishment still holds its slot in the unique index until it is marked inactive.
      await tx.execute(
        `update hubgw.punishments set is_active = false, updated_at = ?
         where player_uuid = ? and punishment_type in (${placeholders(group.length)}) and is_active and expires_at <= ?`,
        [now, input.player_uuid, ...group, now],
      );
    }
    const rows = await tx.execute<PunishmentResponse[]>(
      `insert into hubgw.punishments (${STORED_COLUMNS}) values (${placeholders(17)})
       on conflict do nothing returning ${STORED_COLUMNS}`,
      [
        crypto.randomUUID(),
        input.player_uuid,
        input.player_name,
        input.player_ip ?? null,
        input.punishment_type,
        input.reason,
        input.staff_uuid ?? null,
        input.staff_name ?? null,
        expiresAt,
        active,
        null,
        null,
        null,
        input.evidence_url ?? null,
        input.notes ?? null,
        now,
        now,
      ],
    );
    if (rows[0]) return toPunishment(rows[0]);
    const existing = await activeOf(tx, input.player_uuid, group!, now);
    const kind = input.punishment_type === 'mute' ? 'mute' : 'ban';
    throw new AppError('already_exists', `Player already has an active ${kind}`, {
      player_uuid: input.player_uuid,
      punishment_id: existing?.id ?? null,
    });
  });
}

export function revokePunishment(
  em: EntityManager,
  id: string,
  revokedBy: string,
  reason: string | null,
  now: Date,
): Promise<PunishmentResponse> {
  return em.transactional(async (tx) => {
    const rows = await tx.execute<PunishmentResponse[]>(
      `select ${REPORTED_COLUMNS} from hubgw.punishments where id = ? for update`,
      [now, id],
    );
    const current = rows[0];
    if (!current) throw new AppError('not_found', `Punishment '${id}' not found`, { punishment_id: id });
    if (!current.is_active) {
      const state = current.revoked_at ? 'revoked' : 'expired';
      throw new AppError('invalid_state', `Punishment is already ${state}`, { punishment_id: id, state });
    }
    const updated = await tx.execute<PunishmentResponse[]>(
      `update hubgw.punishments set is_active = false, revoked_at = ?, revoked_by = ?, revoked_reason = ?, updated_at = ?
       where id = ? returning ${STORED_COLUMNS}`,
      [now, revokedBy, reason, now, id],
    );
    return toPunishment(updated[0]!);
  });
}

export async function queryPunishments(em: EntityManager, filter: QueryPunishmentsInput, now: Date) {
  const { where, params } = whereOf([
    filter.player_uuid === undefined ? null : ['player_uuid = ?', filter.player_uuid],
    filter.punishment_type === undefined ? null : ['punishment_type = ?', filter.punishment_type],
    filter.is_active === undefined ? null : [filter.is_active ? EFFECTIVELY_ACTIVE : `not ${EFFECTIVELY_ACTIVE}`, now],
  ]);
  const rows = await em.execute<PunishmentResponse[]>(
    `select ${REPORTED_COLUMNS} from hubgw.punishments ${where} order by created_at desc, id limit ? offset ?`,
    [now, ...params, filter.size, (filter.page - 1) * filter.size],
  );
  const total = await countRows(em, `select count(*) from hubgw.punishments ${where}`, params);
  return { punishments: rows.map(toPunishment), total };
}

export function activeBan(em: EntityManager, playerUuid: string, now: Date) {
  return activeOf(em, playerUuid, ['ban', 'ip_ban'], now);
}

export function activeMute(em: EntityManager, playerUuid: string, now: Date) {
  return activeOf(em, playerUuid, ['mute'], now);
}
