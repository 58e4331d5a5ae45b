// Recording a teleport: an append to the player's history.
import type { EntityManager } from '@mikro-orm/sql';
import { TeleportHistoryEntry } from '#entities/hubgw/teleport-history-entry.ts';
import { toTeleport } from './queries.ts';
import type { RecordTeleportInput, TeleportResponse } from './schemas.ts';

export async function recordTeleport(
  em: EntityManager,
  input: RecordTeleportInput,
  now: Date,
): Promise<TeleportResponse> {
  const entry = em.create(TeleportHistoryEntry, {
    id: crypto.randomUUID(),
    playerUuid: input.player_uuid,
    fromWorld: input.from_world,
    fromX: input.from_x,
    fromY: input.from_y,
    fromZ: input.from_z,
    toWorld: input.to_world,
    toX: input.to_x,
    toY: input.to_y,
    toZ: input.to_z,
    tpType: input.tp_type,
    targetName: input.target_name ?? null,
    createdAt: now,
  });
  await em.flush();
  return toTeleport(entry);
}
