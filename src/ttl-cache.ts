// A value computed at most once per time-to-live, on the context's clock; clear() forgets it.
import type { Clock } from './trpc/context.ts';

export class TtlCache<Value> {
  readonly #ttlMs: number;
  #entry: { value: Promise<Value>; expires: number } | null = null;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  get(now: Clock, compute: () => Promise<Value>): Promise<Value> {
    const time = now().getTime();
    if (this.#entry && this.#entry.expires > time) return this.#entry.value;
    const value = compute();
    const entry = { value, expires: time + this.#ttlMs };
    this.#entry = entry;
    // A failed computation is not kept: the next caller tries again. The caller handles the failure itself.
    value.catch(() => {
      if (this.#entry === entry) this.#entry = null;
    });
    return value;
  }

  clear(): void {
    this.#entry = null;
  }
}
