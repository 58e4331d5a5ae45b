// Admin actions, each recorded in admin_actions in the same transaction as its effect.
import type { EntityManager } from '@mikro-orm/sql';
import { AdminAction } from '#entities/aurora/admin-action.ts';
import { updateSettings } from '../settings/service.ts';
import type { MaintenanceModeInput } from './schemas.ts';

async function record(em: EntityManager, action: string, details: Record<string, unknown>, now: Date): Promise<void> {
  em.create(AdminAction, { action, details, createdAt: now });
  await em.flush();
}

export async function reloadCommands(em: EntityManager, now: Date) {
  await record(em, 'reload-commands', {}, now);
  return { success: true as const, message: 'Command reload requested' };
}

/** Asks every instance to drop its caches, then records the request. */
export async function clearCaches(em: EntityManager, clearEverywhere: () => Promise<void>, now: Date) {
  await clearEverywhere();
  await record(em, 'clear-cache', {}, now);
  return { success: true as const, message: 'Caches cleared' };
}

/** The setting and its record commit together or not at all. */
export function setMaintenanceMode(em: EntityManager, input: MaintenanceModeInput, now: Date) {
  const reason = input.enabled ? (input.reason ?? null) : null;
  return em.transactional(async (tx) => {
    await updateSettings(tx, { system: { maintenanceMode: input.enabled, maintenanceReason: reason } }, now);
    await record(tx, 'maintenance-mode', { enabled: input.enabled, reason }, now);
    return { success: true as const, enabled: input.enabled, reason };
  });
}
