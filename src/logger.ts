// The process logger: structured JSON lines on stdout, written asynchronously so request logging stays off the hot path.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  // Asynchronous writes coalesce the lines logged while one write is in flight; nothing waits for a buffer to fill.
  const destination = pino.destination({ dest: 1, sync: false });
  // A closed stdout (the reading end of a pipe gone) must not end the process: logging stops, serving goes on.
  destination.on('error', () => undefined);
  // Buffered lines must still reach stdout when the process ends on purpose, if it still can.
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // Nothing is left to report a failed last flush to.
    }
  });
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
