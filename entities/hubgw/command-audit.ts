// One executed command, kept for audit.
import { defineEntity, p } from '@mikro-orm/core';

export const CommandAudit = defineEntity({
  name: 'CommandAudit',
  schema: 'hubgw',
  tableName: 'command_audit',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    playerUuid: p.uuid().index('command_audit_player_uuid_idx'),
    playerName: p.string().length(64),
    command: p.text(),
    arguments: p.json<string[]>(),
    server: p.string().length(64),
    // Retention removes the oldest commands first (src/database/retention.ts).
    executedAt: p.datetime().index('command_audit_executed_at_idx'),
    createdAt: p.datetime(),
  },
});
