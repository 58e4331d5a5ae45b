// Request and response schemas of HubGW cooldowns.
import { z } from 'zod';
import { jsonObject, text, timestamp, timestampInput } from '../../shared/schemas.ts';
import { playerUuid } from '../schemas.ts';

/** A kit's cooldown is `kit|<kit name>`, and kit names match case-insensitively, so that part is kept in lower case. */
export function canonicalCooldownType(type: string): string {
  return /^kit\|/i.test(type) ? `kit|${type.slice(4).toLowerCase()}` : type;
}

const cooldownType = text(128).min(1).transform(canonicalCooldownType);

export const checkCooldownInput = z.object({ player_uuid: playerUuid, cooldown_type: cooldownType });

export const cooldownStatus = z
  .object({
    is_active: z.boolean(),
    expires_at: timestamp.nullable(),
    remaining_seconds: z.number().int().min(0),
  })
  .meta({ id: 'CooldownStatus' });

export const createCooldownInput = z
  .object({
    player_uuid: playerUuid,
    cooldown_type: cooldownType,
    expires_at: timestampInput.optional().meta({
      description:
        'Wins over cooldown_seconds when both are given; a time in the past stores the cooldown as already expired',
    }),
    cooldown_seconds: z.number().int().positive().optional(),
    data: jsonObject().nullable().optional(),
  })
  .refine((input) => input.expires_at !== undefined || input.cooldown_seconds !== undefined, {
    message: 'give expires_at or cooldown_seconds',
    path: ['expires_at'],
  });

export const cooldownCreated = z.object({ message: z.string() });

export type CreateCooldownInput = z.infer<typeof createCooldownInput>;
export type CooldownStatus = z.infer<typeof cooldownStatus>;
