// Request and response schemas of HubGW warps.
import { z } from 'zod';
import { columnMapper, text, timestamp } from '../../shared/schemas.ts';
import {
  locationFields,
  locationInput,
  locationOutput,
  pageInput,
  pageOutput,
  typedName,
  playerUuid,
  uuidOutput,
} from '../schemas.ts';

const description = text(1024).nullable().optional();

/** A warp's writable fields, listed once: creation fills in the defaults, an update takes any of them. */
const writableFields = z.object({ ...locationFields, is_public: z.boolean(), description });

export const createWarpInput = z.object({
  player_uuid: playerUuid,
  name: typedName,
  ...writableFields.shape,
  ...locationInput,
  is_public: z.boolean().default(true),
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
  ...writableFields.partial().shape,
  description: description.meta({ description: 'null clears the description; absent keeps it' }),
});

/** A request's warp fields as the row's columns. */
export const warpColumns = columnMapper(writableFields, { is_public: 'isPublic' });

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
