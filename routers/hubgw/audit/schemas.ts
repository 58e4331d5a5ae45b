// Request and response schemas of HubGW command audit.
import { z } from 'zod';
import { text, timestampInput } from '../../shared/schemas.ts';
import { playerUuid, typedName } from '../schemas.ts';

const commandRecord = z.object({
  player_uuid: playerUuid,
  player_name: typedName,
  command: text(256).min(1),
  arguments: z.array(text(1024)).max(256).default([]),
  server: text(64).min(1),
  timestamp: timestampInput.optional().meta({ description: 'When the command ran; defaults to now' }),
});

export const auditInput = z.union([commandRecord, z.array(commandRecord).min(1).max(1000)]);

export const auditAccepted = z.object({ accepted: z.number().int() });

export type AuditInput = z.infer<typeof auditInput>;
