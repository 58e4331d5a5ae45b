// The process logger. On a terminal it writes for people: one line per event, levels coloured. Everywhere else,
// and always in production, it writes structured JSON lines, asynchronously so request logging stays off the hot path.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { formatLogLine } from './log-line.ts';

export type { Logger };

export type LogFormat = 'pretty' | 'json';

/** People read a terminal; machines read everything else, and production logs are always read by machines. */
export function logFormatFor(stdout: { isTTY?: boolean }, nodeEnv: string | undefined): LogFormat {
  return stdout.isTTY === true && nodeEnv !== 'production' ? 'pretty' : 'json';
}

function prettyStream() {
  // Written at once: a terminal's lines are few, and a fatal one must show before the process exits.
  return pretty({
    sync: true,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    hideObject: true,
    messageFormat: formatLogLine,
  });
}

function jsonStream() {
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
  return destination;
}

/**
 * pino's ISO time, worked out once per millisecond: under load several lines share one, and formatting a Date is a
 * visible part of each request's cost.
 */
function isoTimeByMillisecond(): () => string {
  let millisecond = -1;
  let field = '';
  return () => {
    const now = Date.now();
    if (now !== millisecond) {
      millisecond = now;
      field = `,"time":"${new Date(now).toISOString()}"`;
    }
    return field;
  };
}

export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  return pino(
    { level, base: undefined, timestamp: isoTimeByMillisecond() },
    format === 'pretty' ? prettyStream() : jsonStream(),
  );
}
