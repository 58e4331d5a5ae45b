// The rate limit on HTTP: the RateLimit headers every counted answer carries (a 429 also
// Retry-After).
import type { ServerResponse } from 'node:http';
import type { AppError } from '../errors.ts';
import type { RateLimiter } from '../rate-limiter.ts';

/**
 * Counts one REST request of its client and sets the RateLimit headers on its response; returns the 429 to answer
 * with when the client is over the limit.
 */
export async function limitRequest(
  limiter: RateLimiter,
  client: string,
  res: ServerResponse,
): Promise<AppError | null> {
  const take = await limiter.take(client);
  res.setHeader('RateLimit-Policy', `${limiter.max};w=${limiter.windowSeconds}`);
  res.setHeader('RateLimit', `limit=${limiter.max}, remaining=${take.remaining}, reset=${take.reset}`);
  if (take.allowed) return null;
  res.setHeader('Retry-After', String(take.reset));
  return limiter.refusal(take);
}
