// Request and response schemas of the HubGW whitelist.
import { z } from 'zod';
import { text, timestamp, timestampInput } from '../../shared/schemas.ts';
import { typedName, uuidOutput } from '../schemas.ts';

export const addWhitelistInput = z.object({
  player_name: typedName,
  added_by: typedName,
  added_at: timestampInput.optional().meta({ description: 'Defaults to now' }),
  expires_at: timestampInput
    .nullable()
    .optional()
    .meta({ description: 'Absent or null: never expires; in the past: stored as already expired' }),
  is_active: z.boolean().default(true),
  reason: text(1024).nullable().optional(),
});

export const playerNameInput = z.object({ player_name: typedName });

export const whitelistEntry = z
  .object({
    id: uuidOutput,
    player_name: z.string(),
    added_by: z.string(),
    added_at: timestamp,
    expires_at: timestamp.nullable(),
    is_active: z.boolean(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'WhitelistEntry' });

export const whitelistList = z.object({ entries: z.array(whitelistEntry), total: z.number().int() });

export const whitelistStanding = z.object({ is_whitelisted: z.boolean() });

export const whitelistCount = z.object({ total: z.number().int() });

export type AddWhitelistInput = z.infer<typeof addWhitelistInput>;
export type WhitelistEntryResponse = z.infer<typeof whitelistEntry>;
