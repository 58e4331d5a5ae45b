// Tells a database that cannot serve now (down, restarting, refusing connections) from a statement that failed.
/**
 * SQLSTATEs that mean the database cannot serve now, rather than that a statement was wrong. 57014 is a statement
 * cancelled by statement_timeout: the database is frozen or held by a lock, not the request at fault. 53200 (out of
 * memory) and 53300 (too many connections) pass once the load does.
 */
const UNAVAILABLE_STATES = /^(08|57P0[1-3]|57014|3D000|53200|53300)/;
/** A file the database writes (a table growing, a WAL segment) found no room on the disk. */
const DISK_FULL_STATE = '53100';
const UNAVAILABLE_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not currently accepting connections/i;

function* causeChain(error: unknown): Generator<Error> {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++)
    yield current;
}

/** Whether an error, or anything in its cause chain, is a statement the statement timeout cancelled. */
export function isStatementTimeout(error: unknown): boolean {
  for (const current of causeChain(error)) {
    const { code, sqlState } = current as { code?: unknown; sqlState?: unknown };
    if (sqlState === '57014' || code === '57014') return true;
  }
  return false;
}

/** Whether an error, or anything in its cause chain, says the database's disk is full. */
export function isDiskFull(error: unknown): boolean {
  for (const current of causeChain(error)) {
    const { code, sqlState } = current as { code?: unknown; sqlState?: unknown };
    if (sqlState === DISK_FULL_STATE || code === DISK_FULL_STATE) return true;
  }
  return false;
}

/** Whether an error, or anything in its cause chain, says the database is unreachable or refusing connections. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const current of causeChain(error)) {
    const { code, sqlState } = current as { code?: unknown; sqlState?: unknown };
    if (typeof sqlState === 'string' && UNAVAILABLE_STATES.test(sqlState)) return true;
    if (typeof code === 'string' && (UNAVAILABLE_SYSTEM_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
    if (UNAVAILABLE_MESSAGES.test(current.message)) return true;
  }
  return false;
}
