// Request and response schemas of Aurora lootdrops.
import { z } from 'zod';
import { timestamp } from '../../shared/schemas.ts';
import { discordId, positiveBigintString } from '../schemas.ts';

export const lootdrop = z
  .object({
    id: z.string(),
    amount: z.string(),
    channelId: z.string().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp,
    claimedBy: z.string().nullable(),
    claimedAt: timestamp.nullable(),
  })
  .meta({ id: 'Lootdrop' });

const lootdropId = z.string().regex(/^[1-9]\d{0,17}$/, 'must be a lootdrop id');

export const spawnLootdropInput = z.object({
  amount: positiveBigintString.optional(),
  channelId: discordId.nullable().optional(),
  expiresInMinutes: z.number().int().min(1).max(1440).optional(),
});

export const lootdropSpawned = z.object({ success: z.literal(true), lootdrop });

export const lootdropIdInput = z.object({ id: lootdropId });

export const claimLootdropInput = z.object({ id: lootdropId, userId: discordId });

export const lootdropClaimed = z.object({ success: z.literal(true), lootdrop, balance: z.string() });

export type LootdropResponse = z.infer<typeof lootdrop>;
export type SpawnLootdropInput = z.infer<typeof spawnLootdropInput>;
export type ClaimLootdropInput = z.infer<typeof claimLootdropInput>;
export type LootdropClaimed = z.infer<typeof lootdropClaimed>;
