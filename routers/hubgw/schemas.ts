// Field schemas and the error body shared by HubGW procedures.
import { z } from 'zod';

/** Any 8-4-4-4-12 hex UUID, as PostgreSQL's uuid type accepts; Minecraft uses v3 (offline) and v4 (online). */
export const playerUuid = z.guid({ message: 'must be a UUID' });

export const coordinate = z.number();

export const hubgwError = z
  .object({
    message: z.string(),
    code: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'HubgwError' });
