// A subscriber whose socket cannot keep up waits before it takes more events, and one that stays stuck is closed, so
// that it resumes from its cursor rather than holding events in memory.
import { setTimeout as sleep } from 'node:timers/promises';

/** The socket a subscription's events go out on, as far as backpressure needs it. */
export interface Outbound {
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

/** A subscriber's socket may hold this much unsent; beyond it, the subscriber waits before taking more events. */
const OUTBOUND_HIGH_WATER_BYTES = 1024 * 1024;
/** A subscriber whose socket stays that full this long has fallen behind: it is closed and resumes from its cursor. */
const STALL_LIMIT_MS = 10_000;
const DRAIN_POLL_MS = 25;
/** The close code a subscriber that fell behind gets (4000–4999 are the application's). */
const FELL_BEHIND_CLOSE_CODE = 4410;

/**
 * Waits while the subscriber's socket is over its high-water mark. True when it drained; false when it stayed full
 * past the stall limit (the socket is then closed, and `onClosed` hears of it) or the subscription ended.
 */
export async function roomFor(
  socket: Outbound | null,
  signal: AbortSignal | undefined,
  onClosed: () => void,
): Promise<boolean> {
  if (!socket || socket.bufferedAmount <= OUTBOUND_HIGH_WATER_BYTES) return true;
  const since = Date.now();
  while (socket.bufferedAmount > OUTBOUND_HIGH_WATER_BYTES) {
    if (signal?.aborted) return false;
    if (Date.now() - since > STALL_LIMIT_MS) {
      onClosed();
      socket.close(FELL_BEHIND_CLOSE_CODE, 'fell behind the live events; resume with lastEventId');
      return false;
    }
    await sleep(DRAIN_POLL_MS);
  }
  return true;
}
