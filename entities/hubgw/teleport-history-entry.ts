// One teleport a player made, an entry in their teleport history.
import { defineEntity, p } from '@mikro-orm/core';

export const TeleportHistoryEntry = defineEntity({
  name: 'TeleportHistoryEntry',
  schema: 'hubgw',
  tableName: 'teleport_history',
  properties: {
    id: p.uuid().primary(),
    playerUuid: p.uuid(),
    fromWorld: p.string().length(64),
    fromX: p.float().columnType('double precision'),
    fromY: p.float().columnType('double precision'),
    fromZ: p.float().columnType('double precision'),
    toWorld: p.string().length(64),
    toX: p.float().columnType('double precision'),
    toY: p.float().columnType('double precision'),
    toZ: p.float().columnType('double precision'),
    tpType: p.string().length(32),
    targetName: p.string().length(64).nullable(),
    createdAt: p.datetime(),
  },
  indexes: [
    { name: 'teleport_history_player_created_idx', properties: ['playerUuid', 'createdAt'] },
    // Retention removes the oldest teleports first, whoever made them (src/database/retention.ts).
    { name: 'teleport_history_created_at_idx', properties: ['createdAt'] },
  ],
});
