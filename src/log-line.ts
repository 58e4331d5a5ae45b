// How one log event reads on a terminal: requests as `GET /path 200 3.1 ms`, the start as a short banner, and
// anything else as its message followed by its fields as key=value.
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

export function formatLogLine(log: Record<string, unknown>, messageKey: string): string {
  const message = String(log[messageKey] ?? '');
  if (message === 'request') return `${log.method} ${log.path} ${log.status} ${log.ms} ms`;
  if (message === 'listening') return banner(log);
  const fields = Object.entries(log)
    .filter(([key]) => !SHOWN_ELSEWHERE.has(key) && key !== messageKey)
    .map(([key, field]) => `${key}=${value(field)}`);
  return [message, ...fields].join(' ');
}
