// Request and response schemas of HubGW homes.
import { z } from 'zod';
import { text, timestamp } from '../../shared/schemas.ts';
import { locationInput, locationOutput, typedName, playerUuid, uuidOutput } from '../schemas.ts';

export const upsertHomeInput = z.object({
  player_uuid: playerUuid,
  name: typedName,
  ...locationInput,
  is_public: z.boolean().default(false),
  max_homes: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'When given, creating a new name is refused once the player has this many homes.' }),
});

export const getHomeInput = z.object({ player_uuid: playerUuid, name: typedName });

export const listHomesInput = z.object({ player_uuid: playerUuid });

export const home = z
  .object({
    id: uuidOutput,
    player_uuid: uuidOutput,
    name: text(64),
    ...locationOutput,
    is_public: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Home' });

export const homeList = z.object({ homes: z.array(home), total: z.number().int() }).meta({ id: 'HomeList' });

export type UpsertHomeInput = z.infer<typeof upsertHomeInput>;
export type HomeResponse = z.infer<typeof home>;
