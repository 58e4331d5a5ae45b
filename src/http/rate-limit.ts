// Per-client request limit in fixed windows, with the RateLimit headers on every response and Retry-After on 429.
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

export interface RateLimitOptions {
  max: number;
  windowSeconds: number;
  /** Paths under the mount point that are never counted. */
  exempt: string[];
}

export function rateLimit({ max, windowSeconds, exempt }: RateLimitOptions): RequestHandler {
  const windowMs = windowSeconds * 1000;
  let window = -1;
  const counts = new Map<string, number>();

  return (req, res, next) => {
    if (exempt.includes(req.path)) return next();
    const now = Date.now();
    const current = Math.floor(now / windowMs);
    // Windows are aligned, so the whole table starts over at once and never grows past one window's clients.
    if (current !== window) {
      window = current;
      counts.clear();
    }
    const client = req.socket.remoteAddress ?? 'unknown';
    const count = (counts.get(client) ?? 0) + 1;
    counts.set(client, count);
    const reset = Math.ceil(((current + 1) * windowMs - now) / 1000);
    res.setHeader('RateLimit-Policy', `${max};w=${windowSeconds}`);
    res.setHeader('RateLimit', `limit=${max}, remaining=${Math.max(0, max - count)}, reset=${reset}`);
    if (count <= max) return next();
    res.setHeader('Retry-After', String(reset));
    next(new AppError('rate_limited', 'Too many requests', { reason: `at most ${max} requests per ${windowSeconds} s; retry in ${reset} s` }));
  };
}
