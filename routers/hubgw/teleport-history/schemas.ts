// Request and response schemas of HubGW teleport history.
import { z } from 'zod';
import { name, text, timestamp } from '../../shared/schemas.ts';
import { coordinate, playerUuid, uuidOutput } from '../schemas.ts';

export const recordTeleportInput = z.object({
  player_uuid: playerUuid,
  from_world: name(64),
  from_x: coordinate,
  from_y: coordinate,
  from_z: coordinate,
  to_world: name(64),
  to_x: coordinate,
  to_y: coordinate,
  to_z: coordinate,
  tp_type: name(32),
  target_name: text(64).nullable().optional(),
});

export const listTeleportsInput = z.object({
  player_uuid: playerUuid,
  limit: z.coerce.number<number>().int().min(1).max(1000).default(100),
});

export const teleport = z
  .object({
    id: uuidOutput,
    player_uuid: uuidOutput,
    from_world: z.string(),
    from_x: z.number(),
    from_y: z.number(),
    from_z: z.number(),
    to_world: z.string(),
    to_x: z.number(),
    to_y: z.number(),
    to_z: z.number(),
    tp_type: z.string(),
    target_name: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Teleport' });

export const teleportList = z.array(teleport);

export type RecordTeleportInput = z.infer<typeof recordTeleportInput>;
export type ListTeleportsInput = z.infer<typeof listTeleportsInput>;
export type TeleportResponse = z.infer<typeof teleport>;
