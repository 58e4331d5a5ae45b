// How one log event reads on a terminal: requests as `GET /path 200 3.1 ms reqId=1a2b3c4d…`, the start as a short
// banner, and anything else as its message followed by its fields as key=value.
const SHOWN_ELSEWHERE = new Set(['level', 'time', 'msg', 'err', 'reqId']);

function value(field: unknown): string {
  return typeof field === 'string' && !/\s/.test(field) ? field : JSON.stringify(field);
}

function banner(log: Record<string, unknown>): string {
  const lines = [
    `listening on ${log.url}`,
    `  API reference  ${log.docs}`,
    `  live page      ${log.livePage}`,
    `  database       ${log.database}`,
  ];
  if (typeof log.generatedApiKey === 'string')
    lines.push(`  API key        ${log.generatedApiKey} (generated for this run; set SECURITY__API_KEY to keep one)`);
  return lines.join('\n');
}

/**
 * Enough of a request id to find its response's `X-Request-Id` on a terminal: a short id whole, a longer one (a UUID)
 * by its first 8 characters, marked as cut.
 */
export function shortRequestId(id: string): string {
  return id.length <= 12 ? id : `${id.slice(0, 8)}…`;
}

export function formatLogLine(log: Record<string, unknown>, messageKey: string): string {
  const message = String(log[messageKey] ?? '');
  if (message === 'request') {
    const line = `${log.method} ${log.path} ${log.status} ${log.ms} ms`;
    return typeof log.reqId === 'string' ? `${line} reqId=${shortRequestId(log.reqId)}` : line;
  }
  if (message === 'listening') return banner(log);
  const fields = Object.entries(log)
    .filter(([key]) => !SHOWN_ELSEWHERE.has(key) && key !== messageKey)
    .map(([key, field]) => `${key}=${value(field)}`);
  return [message, ...fields].join(' ');
}
