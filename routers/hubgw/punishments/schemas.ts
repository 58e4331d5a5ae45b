// Request and response schemas of HubGW punishments.
import { z } from 'zod';
import { PUNISHMENT_TYPES } from '#entities/hubgw/punishment.ts';
import { text, timestamp, timestampInput } from '../../shared/schemas.ts';
import { pageInput, pageOutput, typedName, playerUuid, uuid, uuidOutput } from '../schemas.ts';

const punishmentType = z.enum(PUNISHMENT_TYPES);

export const createPunishmentInput = z.object({
  player_uuid: playerUuid,
  player_name: typedName,
  player_ip: z.union([z.ipv4(), z.ipv6()]).nullable().optional(),
  punishment_type: punishmentType,
  reason: text(2048).min(1),
  staff_uuid: playerUuid.nullable().optional(),
  staff_name: typedName.nullable().optional(),
  expires_at: timestampInput
    .nullable()
    .optional()
    .meta({ description: 'Absent or null: permanent; in the past: stored as already expired (imported history)' }),
  evidence_url: text(2048)
    .nullable()
    .optional()
    .meta({ description: 'Free text: a link, or a note such as "see #evidence"' }),
  notes: text(2048).nullable().optional(),
});

export const revokePunishmentInput = z.object({
  punishment_id: uuid,
  revoked_by: typedName,
  revoked_reason: text(2048).nullable().optional(),
});

export const queryPunishmentsInput = z.object({
  player_uuid: playerUuid.optional(),
  punishment_type: punishmentType.optional(),
  is_active: z.boolean().optional(),
  ...pageInput,
});

export const statusInput = z.object({ player_uuid: playerUuid });

export const punishment = z
  .object({
    id: uuidOutput,
    player_uuid: uuidOutput,
    player_name: z.string(),
    player_ip: z.string().nullable(),
    punishment_type: punishmentType,
    reason: z.string(),
    staff_uuid: uuidOutput.nullable(),
    staff_name: z.string().nullable(),
    expires_at: timestamp.nullable(),
    is_active: z.boolean().meta({ description: 'False once revoked or expired' }),
    revoked_at: timestamp.nullable(),
    revoked_by: z.string().nullable(),
    revoked_reason: z.string().nullable(),
    evidence_url: z.string().nullable(),
    notes: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Punishment' });

export const punishmentPage = pageOutput('punishments', punishment).meta({ id: 'PunishmentPage' });

export const banStatus = z.object({ is_banned: z.boolean(), punishment: punishment.nullable() });
export const muteStatus = z.object({ is_muted: z.boolean(), punishment: punishment.nullable() });

export type CreatePunishmentInput = z.infer<typeof createPunishmentInput>;
export type QueryPunishmentsInput = z.infer<typeof queryPunishmentsInput>;
export type PunishmentResponse = z.infer<typeof punishment>;
