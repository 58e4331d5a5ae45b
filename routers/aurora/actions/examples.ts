// The examples of Aurora's admin actions: the document's maintenance body, and each action's answer.
import type { RouteExample } from '#src/trpc/route-example.ts';

export const actionsExamples = {
  reloadCommands: { response: { success: true, message: 'Command reload requested' } },
  clearCache: { response: { success: true, message: 'Caches cleared' } },
  maintenanceMode: {
    request: { enabled: true, reason: 'Updating...' },
    response: { success: true, enabled: true, reason: 'Updating...' },
  },
} satisfies Record<string, RouteExample>;
