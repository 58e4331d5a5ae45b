// Who is calling: the HubGW API key and the Aurora admin token, compared in constant time.
import { hash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from './errors.ts';
import type { Config } from './config.ts';

export type Family = 'aurora' | 'hubgw';

export interface Identity {
  hubgw: boolean;
  aurora: boolean;
}

export type Identify = (headers: IncomingHttpHeaders) => Identity;

// Comparing digests makes the comparison independent of the secret's length as well as its content.
function digest(secret: string): Buffer {
  return hash('sha256', secret, 'buffer');
}

function matches(given: string | undefined | null, expected: Buffer): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(given), expected);
}

/** The scheme name is case-insensitive (RFC 7235), so `bearer` and `BEARER` are as good as `Bearer`. */
function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer +([^\s]+)$/i);
  return match?.[1] ?? null;
}

/** Whether a request's headers carry `Authorization: Bearer <secret>`; the secret is digested once. */
export function bearerCheck(secret: string): (headers: IncomingHttpHeaders) => boolean {
  const expected = digest(secret);
  return (headers) => matches(bearerToken(headers.authorization), expected);
}

/** Digests the configured secrets once; the returned function reads one request's credentials. */
export function createIdentify(config: Pick<Config, 'apiKey' | 'adminToken'>): Identify {
  const apiKey = digest(config.apiKey);
  const adminToken = config.adminToken === null ? null : bearerCheck(config.adminToken);
  return (headers) => ({
    hubgw: matches(headers['x-api-key'] as string | undefined, apiKey),
    aurora: adminToken === null || adminToken(headers),
  });
}

/** The 401 a call without its family's credential gets. */
export function accessRefusal(family: Family): AppError {
  return family === 'hubgw'
    ? new AppError('unauthorized', 'Missing or invalid API key')
    : new AppError('unauthorized', 'Missing or invalid admin token');
}

export function assertAccess(identity: Identity, family: Family): void {
  if (!identity[family]) throw accessRefusal(family);
}
