// HubGW audit: POST /audit/commands takes one executed command or a batch of up to 1000.
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { auditAccepted, auditInput } from './schemas.ts';
import { logCommands } from './service.ts';
import { auditExamples } from './examples.ts';

const route = restRoutes('hubgw: audit');

export const auditRouter = router({
  logCommands: hubgwProcedure
    .meta(
      route('POST /api/v1/audit/commands', 'Record executed commands (one, or an array of up to 1000)', {
        example: auditExamples.logCommands,
        status: 202,
        errors: [400],
      }),
    )
    .input(auditInput)
    .output(auditAccepted)
    .mutation(({ ctx, input }) => logCommands(ctx.em, input, ctx.now())),
});
