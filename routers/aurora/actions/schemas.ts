// Request and response schemas of Aurora admin actions.
import { z } from 'zod';
import { text } from '../../shared/schemas.ts';

export const actionResult = z.object({ success: z.literal(true), message: z.string() });

export const maintenanceModeInput = z.object({ enabled: z.boolean(), reason: text(500).nullable().optional() });

export const maintenanceModeSet = z.object({
  success: z.literal(true),
  enabled: z.boolean(),
  reason: z.string().nullable(),
});

export type MaintenanceModeInput = z.infer<typeof maintenanceModeInput>;
