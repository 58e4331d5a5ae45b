// Who is calling: the credentials a request carries (an API key header, a bearer admin token), compared in constant
// time. Which routes need which credential is each procedure's policy (src/trpc/policy.ts).
import { hash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from './errors.ts';
import type { Config } from './config.ts';

/** `apiKey`: `X-API-Key: <SECURITY__API_KEY>`. `adminToken`: `Authorization: Bearer <SECURITY__ADMIN_TOKEN>`. */
export type Credential = 'apiKey' | 'adminToken';

/** Which credentials a request carries; `adminToken` holds for everyone while no admin token is configured. */
export type Identity = Record<Credential, boolean>;

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
    apiKey: matches(headers['x-api-key'] as string | undefined, apiKey),
    adminToken: adminToken === null || adminToken(headers),
  });
}

/** Whether a request carries any credential at all, as a live socket must to be kept open. */
export function hasAnyCredential(identity: Identity): boolean {
  return identity.apiKey || identity.adminToken;
}

const REFUSALS: Record<Credential, string> = {
  apiKey: 'Missing or invalid API key',
  adminToken: 'Missing or invalid admin token',
};

/** The 401 a call without the credential it needs gets. */
export function accessRefusal(credential: Credential): AppError {
  return new AppError('unauthorized', REFUSALS[credential]);
}
