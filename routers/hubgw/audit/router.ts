// HubGW audit: POST /audit/commands takes one executed command or a batch of up to 1000.
import { z } from 'zod';
import { CommandAudit } from '#entities/hubgw/command-audit.ts';
import { hubgwProcedure, router } from '#src/trpc/procedures.ts';
import { text, timestampInput } from '../../shared/schemas.ts';
import { typedName, playerUuid } from '../schemas.ts';

const commandRecord = z.object({
  player_uuid: playerUuid,
  player_name: typedName,
  command: text(256).min(1),
  arguments: z.array(text(1024)).max(256).default([]),
  server: text(64).min(1),
  timestamp: timestampInput.optional().meta({ description: 'When the command ran; defaults to now' }),
});

const auditInput = z.union([commandRecord, z.array(commandRecord).min(1).max(1000)]);

export const auditRouter = router({
  logCommands: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/audit/commands',
        description: "Logs a command's execution for the audit.",
        tags: ['hubgw: audit'],
        summary: 'Record executed commands (one, or an array of up to 1000)',
        errorResponses: [400],
      },
      status: 202,
    })
    .input(auditInput)
    .output(z.object({ accepted: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const records = Array.isArray(input) ? input : [input];
      const now = ctx.now();
      await ctx.em.insertMany(
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
    }),
});
