// Aurora admin actions: reload commands, clear caches, maintenance mode. Each is recorded in admin_actions.
import type { EntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import { auroraProcedure, router } from '#src/trpc/procedures.ts';
import { noInput } from '../../shared/schemas.ts';
import { text } from '../../shared/schemas.ts';
import { updateSettings } from '../settings/service.ts';

const tags = ['aurora: actions'];

async function record(em: EntityManager, action: string, details: Record<string, unknown>, now: Date): Promise<void> {
  await em.execute('insert into aurora.admin_actions (action, details, created_at) values (?, ?, ?)', [
    action,
    JSON.stringify(details),
    now,
  ]);
}

const actionResult = z.object({ success: z.literal(true), message: z.string() });

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
    .mutation(async ({ ctx }) => {
      await record(ctx.em, 'reload-commands', {}, ctx.now());
      return { success: true as const, message: 'Command reload requested' };
    }),

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
    .mutation(async ({ ctx }) => {
      await ctx.services.clearCaches();
      await record(ctx.em, 'clear-cache', {}, ctx.now());
      return { success: true as const, message: 'Caches cleared' };
    }),

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
    .input(z.object({ enabled: z.boolean(), reason: text(500).nullable().optional() }))
    .output(z.object({ success: z.literal(true), enabled: z.boolean(), reason: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const reason = input.enabled ? (input.reason ?? null) : null;
      // The setting and its record commit together or not at all.
      await ctx.em.transactional(async (tx) => {
        await updateSettings(tx, { system: { maintenanceMode: input.enabled, maintenanceReason: reason } }, ctx.now());
        await record(tx, 'maintenance-mode', { enabled: input.enabled, reason }, ctx.now());
      });
      return { success: true as const, enabled: input.enabled, reason };
    }),
});
