// Who is calling: the HubGW API key and the Aurora admin token, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from './errors.ts';
import type { Config } from './config.ts';

export type Family = 'aurora' | 'hubgw';

export interface Identity {
  hubgw: boolean;
  aurora: boolean;
}

// Hashing first makes the comparison independent of the secret's length as well as its content.
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer ([^\s]+)$/);
  return match?.[1] ?? null;
}

export function identify(config: Pick<Config, 'apiKey' | 'adminToken'>, headers: IncomingHttpHeaders): Identity {
  const apiKey = headers['x-api-key'];
  const token = bearerToken(headers.authorization);
  return {
    hubgw: typeof apiKey === 'string' && sameSecret(apiKey, config.apiKey),
    aurora: config.adminToken === null || (token !== null && sameSecret(token, config.adminToken)),
  };
}

export function assertAccess(identity: Identity, family: Family): void {
  if (identity[family]) return;
  throw family === 'hubgw'
    ? new AppError('unauthorized', 'Missing or invalid API key')
    : new AppError('unauthorized', 'Missing or invalid admin token');
}
