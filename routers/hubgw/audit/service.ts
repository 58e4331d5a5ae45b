// Command audit: records are appended in one multi-row insert, the plugin's heaviest write.
import type { EntityManager } from '@mikro-orm/sql';
import { CommandAudit } from '#entities/hubgw/command-audit.ts';
import type { AuditInput } from './schemas.ts';

export async function logCommands(em: EntityManager, input: AuditInput, now: Date) {
  const records = Array.isArray(input) ? input : [input];
  await em.insertMany(
    CommandAudit,
    records.map((record) => ({
      playerUuid: record.player_uuid,
      playerName: record.player_name,
      command: record.command,
      arguments: record.arguments,
      server: record.server,
      executedAt: record.timestamp ? new Date(record.timestamp) : now,
      createdAt: now,
    })),
  );
  return { accepted: records.length };
}
