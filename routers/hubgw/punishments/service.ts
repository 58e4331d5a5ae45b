// Punishments. At most one active ban (ban or ip_ban) and one active mute per player: partial unique indexes
// decide between concurrent creations.
import { type EntityManager, LockMode } from '@mikro-orm/sql';
import { Punishment, type PunishmentType } from '#entities/hubgw/punishment.ts';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';
import { activeOf, isEffectivelyActive, toPunishment } from './queries.ts';
import type { CreatePunishmentInput, PunishmentResponse } from './schemas.ts';
import { notFound } from '../errors.ts';

/** Types that share one active slot per player. */
const EXCLUSIVE_GROUPS: Partial<Record<PunishmentType, PunishmentType[]>> = {
  ban: ['ban', 'ip_ban'],
  ip_ban: ['ban', 'ip_ban'],
  mute: ['mute'],
};

export function createPunishment(
  em: EntityManager,
  input: CreatePunishmentInput,
  now: Date,
): Promise<PunishmentResponse> {
  // An expiry in the past is stored as it is (an imported ban history), inactive from the start, so it never holds
  // the player's one active slot.
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
  const group = EXCLUSIVE_GROUPS[input.punishment_type];
  return em.transactional(async (tx) => {
    if (group) {
      // An expired punishment still holds its slot in the unique index until it is marked inactive.
      await db(tx)
        .updateTable('Punishment')
        .set({ isActive: false, updatedAt: now })
        .where('playerUuid', '=', input.player_uuid)
        .where('punishmentType', 'in', group)
        .where('isActive', '=', true)
        .where('expiresAt', '<=', now)
        .execute();
    }
    const created = await db(tx)
      .insertInto('Punishment')
      .values({
        id: crypto.randomUUID(),
        playerUuid: input.player_uuid,
        playerName: input.player_name,
        playerIp: input.player_ip ?? null,
        punishmentType: input.punishment_type,
        reason: input.reason,
        staffUuid: input.staff_uuid ?? null,
        staffName: input.staff_name ?? null,
        expiresAt,
        isActive: expiresAt === null || expiresAt > now,
        revokedAt: null,
        revokedBy: null,
        revokedReason: null,
        evidenceUrl: input.evidence_url ?? null,
        notes: input.notes ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflict((conflict) => conflict.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (created) return toPunishment(created, now);
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
    const punishment = await tx.findOne(Punishment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!punishment) throw notFound('Punishment', id, { punishment_id: id });
    if (!isEffectivelyActive(punishment, now)) {
      const state = punishment.revokedAt ? 'revoked' : 'expired';
      throw new AppError('invalid_state', `Punishment is already ${state}`, { punishment_id: id, state });
    }
    tx.assign(punishment, { isActive: false, revokedAt: now, revokedBy, revokedReason: reason, updatedAt: now });
    await tx.flush();
    return toPunishment(punishment, now);
  });
}
