// HubGW audit: POST /audit/commands takes one executed command or a batch of up to 1000.
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { auditAccepted, auditInput } from './schemas.ts';
import { logCommands } from './service.ts';

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
    .output(auditAccepted)
    .mutation(({ ctx, input }) => logCommands(ctx.em, input, ctx.now())),
});
