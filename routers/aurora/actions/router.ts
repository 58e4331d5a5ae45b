// Aurora admin actions: reload commands, clear caches, maintenance mode. Each is recorded in admin_actions.
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noInput } from '../../shared/schemas.ts';
import { actionResult, maintenanceModeInput, maintenanceModeSet } from './schemas.ts';
import { clearCaches, reloadCommands, setMaintenanceMode } from './service.ts';
import { actionsExamples } from './examples.ts';

const route = restRoutes('aurora: actions');

export const actionsRouter = router({
  reloadCommands: announced(
    auroraProcedure
      .meta(
        route('POST /api/actions/reload-commands', 'Ask the bot to reload its slash commands', {
          example: actionsExamples.reloadCommands,
        }),
      )
      .input(noInput)
      .output(actionResult)
      .mutation(({ ctx }) => reloadCommands(ctx.em, ctx.now())),
  ),

  clearCache: announced(
    auroraProcedure
      .meta(
        route('POST /api/actions/clear-cache', 'Drop cached statistics, on every instance', {
          example: actionsExamples.clearCache,
        }),
      )
      .input(noInput)
      .output(actionResult)
      .mutation(({ ctx }) => clearCaches(ctx.em, ctx.services.clearCaches, ctx.now())),
  ),

  maintenanceMode: announced(
    auroraProcedure
      .meta(
        route('POST /api/actions/maintenance-mode', 'Turn maintenance mode on or off (persisted in settings)', {
          example: actionsExamples.maintenanceMode,
          errors: [400],
        }),
      )
      .input(maintenanceModeInput)
      .output(maintenanceModeSet)
      .mutation(({ ctx, input }) => setMaintenanceMode(ctx.em, input, ctx.now())),
  ),
});
