// Request and response schemas of HubGW homes.
import { z } from 'zod';
import { isoTimestamp, name, text } from '../../shared/schemas.ts';
import { coordinate, playerUuid } from '../schemas.ts';

export const homeName = name(64);

export const upsertHomeInput = z.object({
  player_uuid: playerUuid,
  name: homeName,
  world: name(64),
  x: coordinate,
  y: coordinate,
  z: coordinate,
  yaw: coordinate.default(0),
  pitch: coordinate.default(0),
  is_public: z.boolean().default(false),
  max_homes: z.number().int().min(0).optional().meta({ description: 'When given, creating a new name is refused once the player has this many homes.' }),
});

export const getHomeInput = z.object({ player_uuid: playerUuid, name: homeName });

export const listHomesInput = z.object({ player_uuid: playerUuid });

export const home = z
  .object({
    id: z.guid(),
    player_uuid: z.string(),
    name: text(64),
    world: z.string(),
    x: z.number(),
    y: z.number(),
    z: z.number(),
    yaw: z.number(),
    pitch: z.number(),
    is_public: z.boolean(),
    created_at: isoTimestamp,
    updated_at: isoTimestamp,
  })
  .meta({ id: 'Home' });

export const homeList = z.object({ homes: z.array(home), total: z.number().int() }).meta({ id: 'HomeList' });

export type UpsertHomeInput = z.infer<typeof upsertHomeInput>;
export type HomeResponse = z.infer<typeof home>;
