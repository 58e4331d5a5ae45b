// A player's teleport history as the API shows it, newest first.
import type { EntityManager } from '@mikro-orm/sql';
import type { TeleportHistoryEntry } from '#entities/hubgw/teleport-history-entry.ts';
import { db, type Stored } from '../../shared/database.ts';
import type { ListTeleportsInput, TeleportResponse } from './schemas.ts';

export function toTeleport(entry: Stored<typeof TeleportHistoryEntry>): TeleportResponse {
  return {
    id: entry.id,
    player_uuid: entry.playerUuid,
    from_world: entry.fromWorld,
    from_x: entry.fromX,
    from_y: entry.fromY,
    from_z: entry.fromZ,
    to_world: entry.toWorld,
    to_x: entry.toX,
    to_y: entry.toY,
    to_z: entry.toZ,
    tp_type: entry.tpType,
    target_name: entry.targetName ?? null,
    created_at: entry.createdAt.toISOString(),
  };
}

export async function listTeleports(em: EntityManager, input: ListTeleportsInput): Promise<TeleportResponse[]> {
  const rows = await db(em)
    .selectFrom('TeleportHistoryEntry')
    .selectAll()
    .where('playerUuid', '=', input.player_uuid)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(input.limit)
    .execute();
  return rows.map(toTeleport);
}
