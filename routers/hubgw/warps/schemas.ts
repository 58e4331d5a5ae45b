// Request and response schemas of HubGW warps.
import { z } from 'zod';
import { name, text } from '../../shared/schemas.ts';
import { coordinate, pageInput, pageOutput, playerTypedName, playerUuid, timestamp } from '../schemas.ts';

const description = text(1024).nullable().optional();

export const createWarpInput = z.object({
  player_uuid: playerUuid,
  name: playerTypedName,
  world: name(64),
  x: coordinate,
  y: coordinate,
  z: coordinate,
  yaw: coordinate.default(0),
  pitch: coordinate.default(0),
  is_public: z.boolean().default(true),
  description,
  max_warps: z.number().int().min(0).optional().meta({ description: 'When given, creation is refused once the owner has this many warps.' }),
});

export const updateWarpInput = z.object({
  player_uuid: playerUuid,
  name: playerTypedName,
  world: name(64).optional(),
  x: coordinate.optional(),
  y: coordinate.optional(),
  z: coordinate.optional(),
  yaw: coordinate.optional(),
  pitch: coordinate.optional(),
  is_public: z.boolean().optional(),
  description,
});

export const deleteWarpInput = z.object({ player_uuid: playerUuid, name: playerTypedName });

export const getWarpInput = z.object({ name: playerTypedName });

export const listWarpsInput = z.object({
  name: text(64).optional().meta({ description: 'Case-insensitive substring of the name' }),
  world: text(64).optional(),
  is_public: z.boolean().optional(),
  ...pageInput,
});

export const warp = z
  .object({
    id: z.string(),
    player_uuid: z.string(),
    name: z.string(),
    world: z.string(),
    x: z.number(),
    y: z.number(),
    z: z.number(),
    yaw: z.number(),
    pitch: z.number(),
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
