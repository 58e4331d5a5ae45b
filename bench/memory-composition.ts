// `node bench/memory-composition.ts`: what the server's resident memory is made of, idle and after each load: the
// server on PostgreSQL as `npm run bench` starts it and seeds it, 50 connections per scenario, then its resident and
// file-backed memory (/proc), V8's heap by space (/metrics), and the anonymous mappings by size (`pmap`: V8's pages
// are 256 KB). Prints one Markdown table.
//   MEMORY_ROUTES   comma-separated scenario names (default the homes read and the users list)
//   MEMORY_SECONDS  seconds of load per scenario (default 8)
//   MEMORY_NODE_OPTIONS, MEMORY_ENV (NAME=value,…)  the server's Node options and extra environment
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { markdown, scenarioRequests } from './load.ts';
import type { Target } from './processes.ts';
import { startSeededServer } from './seeded-server.ts';
import { API_KEY, PLAYERS, SCENARIOS } from './scenarios.ts';

const ROUTES = (process.env.MEMORY_ROUTES ?? 'GET /homes/{player_uuid},GET /api/users (by balance)').split(',');
const SECONDS = Number(process.env.MEMORY_SECONDS ?? 8);
const EXTRA_ENV = Object.fromEntries(
  (process.env.MEMORY_ENV ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split(/=(.*)/s, 2) as [string, string]),
);
const MB = 1024 * 1024;

/** A field of /proc/<pid>/status, in MB. */
function statusMb(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((text) => text.startsWith(`${field}:`));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
}

/** One gauge of the server's /metrics, in MB. */
function gauge(metrics: string, name: string): number {
  const line = metrics.split('\n').find((text) => text.startsWith(`${name} `));
  return Math.round(Number(line?.split(' ')[1] ?? 0) / MB);
}

/** Resident anonymous memory in mappings of at most 260 KB (V8's heap pages) and in larger ones, MB. */
function anonymousBySize(pid: number): [pages: number, other: number] {
  let pages = 0;
  let other = 0;
  for (const line of execFileSync('pmap', ['-x', String(pid)], { encoding: 'utf8' }).split('\n')) {
    if (!line.includes('[ anon ]')) continue;
    const [, size = 0, resident = 0] = line.trim().split(/\s+/).map(Number);
    if (size <= 260) pages += resident;
    else other += resident;
  }
  return [Math.round(pages / 1024), Math.round(other / 1024)];
}

async function reading(server: Target, label: string): Promise<(string | number)[]> {
  const pid = server.child.pid!;
  const metrics = await (
    await fetch(`http://127.0.0.1:${server.port}/metrics`, { headers: { 'x-api-key': API_KEY } })
  ).text();
  return [
    label,
    statusMb(pid, 'VmRSS'),
    statusMb(pid, 'RssFile'),
    gauge(metrics, 'nodejs_heap_size_total_bytes'),
    gauge(metrics, 'nodejs_heap_size_used_bytes'),
    gauge(metrics, 'nodejs_heap_space_size_total_bytes{space="new"}'),
    gauge(metrics, 'nodejs_heap_space_size_total_bytes{space="old"}'),
    ...anonymousBySize(pid),
  ];
}

const { server, stop } = await startSeededServer('memory', '../main.ts', {
  ...(process.env.MEMORY_NODE_OPTIONS ? { NODE_OPTIONS: process.env.MEMORY_NODE_OPTIONS } : {}),
  ...EXTRA_ENV,
});
try {
  const rows = [await reading(server, 'idle')];
  for (const name of ROUTES) {
    const scenario = SCENARIOS.find((candidate) => candidate.name === name);
    if (!scenario) throw new Error(`no scenario '${name}'`);
    await autocannon({
      url: `http://127.0.0.1:${server.port}`,
      connections: 50,
      duration: SECONDS,
      ...scenarioRequests(scenario, PLAYERS),
    });
    rows.push(await reading(server, `after ${name}`));
  }
  console.log(
    markdown(
      [
        'when',
        'resident MB',
        'file-backed MB',
        'V8 heap committed MB',
        'V8 heap in use MB',
        'new space MB',
        'old space MB',
        'anonymous in ≤ 256 KB mappings MB',
        'other anonymous MB',
      ],
      rows,
    ),
  );
} finally {
  await stop();
}
