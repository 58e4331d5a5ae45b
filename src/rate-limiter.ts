// Per-client request limit in fixed windows: one count per client across every transport, for the procedures whose
// policy says `rateLimited`.
import { AppError } from './errors.ts';

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
