// Request and response schemas of HubGW kits.
import { z } from 'zod';
import { text, timestamp } from '../../shared/schemas.ts';
import { typedName, playerUuid } from '../schemas.ts';

const kitItem = z.object({
  item: text(128).min(1),
  amount: z.number().int().min(1).max(1_000_000),
  nbt: text(32_768).optional(),
});

export const upsertKitInput = z.object({
  name: typedName,
  cooldown_seconds: z
    .number()
    .int()
    .min(0)
    .max(10 * 365 * 24 * 3600),
  items: z.array(kitItem).max(256),
  description: text(1024).nullable().optional(),
});

export const kit = z
  .object({
    name: z.string(),
    cooldown_seconds: z.number().int(),
    items: z.array(kitItem),
    description: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Kit' });

export const kitList = z.object({ kits: z.array(kit), total: z.number().int() });

export const kitNameInput = z.object({ name: typedName });

export const claimKitInput = z.object({ player_uuid: playerUuid, kit_name: typedName });

export const kitClaimed = z
  .object({
    success: z.literal(true),
    message: z.string(),
    cooldown_remaining: z.number().int().meta({ description: 'Seconds until the player may claim this kit again' }),
    items: z.array(kitItem),
  })
  .meta({ id: 'KitClaim' });

export type UpsertKitInput = z.infer<typeof upsertKitInput>;
export type KitResponse = z.infer<typeof kit>;
