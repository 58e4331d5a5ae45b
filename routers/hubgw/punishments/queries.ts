// Punishments as the API shows them. A punishment whose expiry has passed is reported inactive.
import type { EntityManager } from '@mikro-orm/sql';
import type { ExpressionBuilder } from 'kysely';
import type { Punishment, PunishmentType } from '#entities/hubgw/punishment.ts';
import { compiledPerShape, compiledQuery, type Database, db, type Param, type Stored } from '../../shared/database.ts';
import { pageWithTotal } from '#src/database/queries.ts';
import { pageMeta } from '../schemas.ts';
import type { PunishmentResponse, QueryPunishmentsInput } from './schemas.ts';

/** Stored active and not yet expired at `now`. */
export function isEffectivelyActive(punishment: Stored<typeof Punishment>, now: Date): boolean {
  return punishment.isActive && (punishment.expiresAt == null || punishment.expiresAt > now);
}

/** The same rule as a condition, for filters. */
function effectivelyActive(where: ExpressionBuilder<Database, 'Punishment'>, now: Date) {
  return where.and([
    where('isActive', '=', true),
    where.or([where('expiresAt', 'is', null), where('expiresAt', '>', now)]),
  ]);
}

export function toPunishment(punishment: Stored<typeof Punishment>, now: Date): PunishmentResponse {
  return {
    id: punishment.id,
    player_uuid: punishment.playerUuid,
    player_name: punishment.playerName,
    player_ip: punishment.playerIp ?? null,
    punishment_type: punishment.punishmentType as PunishmentType,
    reason: punishment.reason,
    staff_uuid: punishment.staffUuid ?? null,
    staff_name: punishment.staffName ?? null,
    expires_at: punishment.expiresAt?.toISOString() ?? null,
    is_active: isEffectivelyActive(punishment, now),
    revoked_at: punishment.revokedAt?.toISOString() ?? null,
    revoked_by: punishment.revokedBy ?? null,
    revoked_reason: punishment.revokedReason ?? null,
    evidence_url: punishment.evidenceUrl ?? null,
    notes: punishment.notes ?? null,
    created_at: punishment.createdAt.toISOString(),
    updated_at: punishment.updatedAt.toISOString(),
  };
}

function newestActiveOf({ types }: { types: readonly PunishmentType[] }) {
  return compiledQuery((db, param: Param<{ playerUuid: string; now: Date }>) =>
    db
      .selectFrom('Punishment')
      .selectAll()
      .where('playerUuid', '=', param('playerUuid'))
      .where('punishmentType', 'in', [...types])
      .where((where) => effectivelyActive(where, param('now')))
      .orderBy('createdAt', 'desc')
      .limit(1),
  );
}

/** By the list of types, which is part of the SQL (`in ($2, $3)`): the few lists the callers name, ban's and mute's. */
const newestActive = compiledPerShape(newestActiveOf);

/** The player's newest effectively active punishment of the given types. */
export async function activeOf(em: EntityManager, playerUuid: string, types: PunishmentType[], now: Date) {
  const row = await newestActive({ types }).executeTakeFirst(em, { playerUuid, now });
  return row ? toPunishment(row, now) : null;
}

export async function getBanStatus(em: EntityManager, playerUuid: string, now: Date) {
  const punishment = await activeOf(em, playerUuid, ['ban', 'ip_ban'], now);
  return { is_banned: punishment !== null, punishment };
}

export async function getMuteStatus(em: EntityManager, playerUuid: string, now: Date) {
  const punishment = await activeOf(em, playerUuid, ['mute'], now);
  return { is_muted: punishment !== null, punishment };
}

export async function queryPunishments(em: EntityManager, filter: QueryPunishmentsInput, now: Date) {
  const filtered = db(em)
    .selectFrom('Punishment')
    .$if(filter.player_uuid !== undefined, (query) => query.where('playerUuid', '=', filter.player_uuid!))
    .$if(filter.punishment_type !== undefined, (query) => query.where('punishmentType', '=', filter.punishment_type!))
    .$if(filter.is_active !== undefined, (query) =>
      query.where((where) =>
        filter.is_active ? effectivelyActive(where, now) : where.not(effectivelyActive(where, now)),
      ),
    );
  const { rows, total } = await pageWithTotal(filtered, (query) =>
    query
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(filter.size)
      .offset((filter.page - 1) * filter.size),
  );
  return {
    punishments: rows.map((row) => toPunishment(row, now)),
    ...pageMeta(total, filter.page, filter.size),
  };
}
