// Request and response schemas of HubGW cooldowns.
import { z } from 'zod';
import { text, timestamp } from '../../shared/schemas.ts';
import { playerUuid } from '../schemas.ts';

export const cooldownType = text(128).min(1);

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
    expires_at: timestamp.optional(),
    cooldown_seconds: z.number().int().positive().optional(),
    data: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .refine((input) => (input.expires_at === undefined) !== (input.cooldown_seconds === undefined), {
    message: 'give exactly one of expires_at or cooldown_seconds',
    path: ['expires_at'],
  });

export const cooldownCreated = z.object({ message: z.string() });

export type CreateCooldownInput = z.infer<typeof createCooldownInput>;
export type CooldownStatus = z.infer<typeof cooldownStatus>;
