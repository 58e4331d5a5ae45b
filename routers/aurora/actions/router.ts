// Aurora admin actions: reload commands, clear caches, maintenance mode. Each is recorded in admin_actions.
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noInput } from '../../shared/schemas.ts';
import { actionResult, maintenanceModeInput, maintenanceModeSet } from './schemas.ts';
import { clearCaches, reloadCommands, setMaintenanceMode } from './service.ts';

const tags = ['aurora: actions'];

export const actionsRouter = router({
  reloadCommands: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/actions/reload-commands',
        description: "Reloads the bot's slash commands.",
        tags,
        summary: 'Ask the bot to reload its slash commands',
      },
    })
    .input(noInput)
    .output(actionResult)
    .mutation(({ ctx }) => reloadCommands(ctx.em, ctx.now())),

  clearCache: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/actions/clear-cache',
        description: 'Clears the internal caches, on every instance.',
        tags,
        summary: 'Drop cached statistics',
      },
    })
    .input(noInput)
    .output(actionResult)
    .mutation(({ ctx }) => clearCaches(ctx.em, ctx.services.clearCaches, ctx.now())),

  maintenanceMode: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/actions/maintenance-mode',
        description: 'Turns maintenance mode on or off.',
        tags,
        summary: 'Turn maintenance mode on or off (persisted in settings)',
        errorResponses: [400],
      },
    })
    .input(maintenanceModeInput)
    .output(maintenanceModeSet)
    .mutation(({ ctx, input }) => setMaintenanceMode(ctx.em, input, ctx.now())),
});
