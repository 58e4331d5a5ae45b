// Per-client request limit in fixed windows, one count per client across Aurora's REST routes, /trpc and /ws. REST
// answers carry the RateLimit headers, and a 429 carries Retry-After.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

/** The client a request comes from, as the limit counts it: its network address. */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export interface RateLimitOptions {
  max: number;
  windowSeconds: number;
}

export interface RateLimitTake {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window starts over. */
  reset: number;
}

export class RateLimiter {
  readonly max: number;
  readonly windowSeconds: number;
  readonly #windowMs: number;
  #window = -1;
  readonly #counts = new Map<string, number>();
  readonly #onRefused: () => void;

  /** `onRefused` hears of every request over the limit. */
  constructor({ max, windowSeconds }: RateLimitOptions, onRefused: () => void = () => {}) {
    this.max = max;
    this.windowSeconds = windowSeconds;
    this.#windowMs = windowSeconds * 1000;
    this.#onRefused = onRefused;
  }

  /** Counts one request of `client`. */
  take(client: string): RateLimitTake {
    const now = Date.now();
    const current = Math.floor(now / this.#windowMs);
    // Windows are aligned, so the whole table starts over at once and never grows past one window's clients.
    if (current !== this.#window) {
      this.#window = current;
      this.#counts.clear();
    }
    const count = (this.#counts.get(client) ?? 0) + 1;
    this.#counts.set(client, count);
    const reset = Math.ceil(((current + 1) * this.#windowMs - now) / 1000);
    if (count > this.max) this.#onRefused();
    return { allowed: count <= this.max, remaining: Math.max(0, this.max - count), reset };
  }

  /** Counts one request of `client`, and throws the 429 when it is over the limit. */
  assertAllowed(client: string): void {
    const take = this.take(client);
    if (!take.allowed) throw this.refusal(take);
  }

  refusal({ reset }: RateLimitTake): AppError {
    return AppError.explained(
      'rate_limited',
      'Too many requests',
      `at most ${this.max} requests per ${this.windowSeconds} s; retry in ${reset} s`,
    );
  }
}

/**
 * Counts one REST request of its client and sets the RateLimit headers on its response; returns the 429 to answer
 * with when the client is over the limit.
 */
export function limitRequest(limiter: RateLimiter, req: IncomingMessage, res: ServerResponse): AppError | null {
  const take = limiter.take(clientAddress(req));
  res.setHeader('RateLimit-Policy', `${limiter.max};w=${limiter.windowSeconds}`);
  res.setHeader('RateLimit', `limit=${limiter.max}, remaining=${take.remaining}, reset=${take.reset}`);
  if (take.allowed) return null;
  res.setHeader('Retry-After', String(take.reset));
  return limiter.refusal(take);
}

/** Whether `path` is one of the `exempt` ones; trailing slashes are optional, so `/api/health/` is `/api/health`. */
export function isExempt(path: string, exempt: string[]): boolean {
  return exempt.includes(path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);
}

/** The REST side, for requests no route matched: counts every one except the `exempt` paths. */
export function rateLimit(limiter: RateLimiter, exempt: string[]): RequestHandler {
  return (req, res, next) => {
    if (isExempt(req.originalUrl.split('?', 1)[0]!, exempt)) return next();
    next(limitRequest(limiter, req, res) ?? undefined);
  };
}
