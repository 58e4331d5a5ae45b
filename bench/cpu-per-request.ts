// CPU per request of the server and of PostgreSQL, which share the machine's cores: for each checkout in the order
// given, a server on a fresh PostgreSQL database, seeded as `npm run bench` seeds it, then a fixed number of requests
// per hot read; utime + stime from /proc of the server's process and of the database's backends, before and after.
//   node bench/cpu-per-request.ts main=/tmp/main-checkout branch=. branch=. main=/tmp/main-checkout
//   BENCH_REQUESTS  requests per scenario (default 20000), after BENCH_WARMUP (default 5000); BENCH_CONNECTIONS
//   (default 10); BENCH_ROUTES  comma-separated scenario names (default the three hot reads below)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { markdown, scenarioRequests } from './load.ts';
import { startSeededServer } from './seeded-server.ts';
import { PLAYERS, SCENARIOS } from './scenarios.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5000);
const MEASURED = process.env.BENCH_ROUTES?.split(',') ?? [
  'GET /homes/{player_uuid}',
  'GET /api/items/:id',
  'POST /cooldowns/check',
];
/** /proc's clock ticks (USER_HZ) in µs. */
const TICK_US = 1_000_000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** utime + stime of a process, all its threads, in µs; 0 once it is gone. */
function cpuUs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0;
  }
}

/** The backends serving `database`, by their process title. */
function backends(database: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `postgres: .* ${database} `], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function drive(port: number, name: string, amount: number) {
  const scenario = SCENARIOS.find((candidate) => candidate.name === name)!;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    amount,
    ...scenarioRequests(scenario, PLAYERS),
  });
}

async function measureCheckout(label: string, dir: string): Promise<(string | number)[][]> {
  const { server, database, stop } = await startSeededServer(
    `cpu-${label}`,
    pathToFileURL(join(resolve(dir), 'main.ts')).href,
  );
  const rows: (string | number)[][] = [];
  try {
    for (const name of MEASURED) {
      await drive(server.port, name, WARMUP);
      const before = new Map(backends(database).map((pid) => [pid, cpuUs(pid)]));
      const serverBefore = cpuUs(server.child.pid!);
      const load = loadavg()[0]!.toFixed(1);
      const result = await drive(server.port, name, REQUESTS);
      const serverUs = cpuUs(server.child.pid!) - serverBefore;
      const after = backends(database);
      const gone = [...before.keys()].filter((pid) => !after.includes(pid)).length;
      const postgresUs = after.reduce((sum, pid) => sum + cpuUs(pid) - (before.get(pid) ?? 0), 0);
      const answered = result.requests.total;
      rows.push([
        label,
        name,
        answered,
        result.errors + result.non2xx,
        (serverUs / answered).toFixed(1),
        (postgresUs / answered).toFixed(1),
        Math.round(result.requests.average),
        `${load} → ${loadavg()[0]!.toFixed(1)}`,
        gone,
      ]);
      console.error(rows.at(-1)!.join(' | '));
    }
  } finally {
    await stop();
  }
  return rows;
}

const runs = process.argv.slice(2).map((argument) => argument.split(/=(.*)/s, 2) as [string, string]);
if (runs.length === 0) throw new Error('give label=<checkout> …, in the order to run them');
const rows: (string | number)[][] = [];
for (const [label, dir] of runs) rows.push(...(await measureCheckout(label, dir)));
console.log(
  markdown(
    [
      'checkout',
      'route',
      'requests',
      'errors',
      'server µs/request',
      'PostgreSQL µs/request',
      'req/s',
      'load average (1 min) before → after',
      'backends gone',
    ],
    rows,
  ),
);
