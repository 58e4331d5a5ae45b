// Request and response schemas of HubGW warps.
import { z } from 'zod';
import { name, text, timestamp } from '../../shared/schemas.ts';
import {
  coordinate,
  locationInput,
  locationOutput,
  pageInput,
  pageOutput,
  typedName,
  playerUuid,
  uuidOutput,
} from '../schemas.ts';

const description = text(1024).nullable().optional();

export const createWarpInput = z.object({
  player_uuid: playerUuid,
  name: typedName,
  ...locationInput,
  is_public: z.boolean().default(true),
  description,
  max_warps: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'When given, creation is refused once the owner has this many warps.' }),
});

export const updateWarpInput = z.object({
  player_uuid: playerUuid,
  name: typedName,
  world: name(64).optional(),
  x: coordinate.optional(),
  y: coordinate.optional(),
  z: coordinate.optional(),
  yaw: coordinate.optional(),
  pitch: coordinate.optional(),
  is_public: z.boolean().optional(),
  description: description.meta({ description: 'null clears the description; absent keeps it' }),
});

export const deleteWarpInput = z.object({ player_uuid: playerUuid, name: typedName });

export const getWarpInput = z.object({ name: typedName });

export const listWarpsInput = z.object({
  name: text(64).optional().meta({ description: 'Case-insensitive substring of the name' }),
  world: text(64).optional(),
  is_public: z.boolean().optional(),
  ...pageInput,
});

export const warp = z
  .object({
    id: uuidOutput,
    player_uuid: uuidOutput,
    name: z.string(),
    ...locationOutput,
    is_public: z.boolean(),
    description: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Warp' });

export const warpPage = pageOutput('warps', warp).meta({ id: 'WarpPage' });

export type CreateWarpInput = z.infer<typeof createWarpInput>;
export type UpdateWarpInput = z.infer<typeof updateWarpInput>;
export type ListWarpsInput = z.infer<typeof listWarpsInput>;
export type WarpResponse = z.infer<typeof warp>;
