// `node bench/cpu-per-request.ts main=/tmp/main-checkout branch=. branch=. main=/tmp/main-checkout`: the server's own
// CPU time (utime + stime from /proc/<pid>/stat) per request on hot reads, for checkouts run in the order given. On
// two shared cores throughput moves with whatever else runs; the CPU a request costs the server moves much less.
// Each run is a fresh PostgreSQL database, seeded as `npm run bench` seeds it, and dropped after.
//   CPU_REQUESTS  requests per route per run (default 20000), after 3000 to warm up; 10 connections
//   CPU_ONLY      comma-separated parts of scenario names (default: homes, items and tRPC homes.list)
//   CPU_PROFILE_DIR  when set, each server runs with --cpu-prof into <dir>/<run>-<name>/, for profile-breakdown.ts
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { markdown } from './load.ts';
import { startTarget, stopTarget, type Target } from './processes.ts';
import { API_KEY, FIXED_SEED_SQL, PLAYERS, SCENARIOS, type Scenario, USERS, seedSql } from './scenarios.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUESTS = Number(process.env.CPU_REQUESTS ?? 20_000);
const WARM_UP = 3000;
const CONNECTIONS = 10;
/** Linux's clock ticks per second (`getconf CLK_TCK`), the unit of utime and stime. */
const TICKS_PER_SECOND = 100;
const ONLY = (process.env.CPU_ONLY ?? 'GET /homes/,GET /api/items/,tRPC hubgw.homes.list').split(',');

async function sql(statements: string[], url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** utime + stime in ticks (fields 14 and 15, counted after the command's parenthesis) of a process or a thread. */
function ticksOf(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** The whole process (GC and compiler threads included), and its main thread alone (what a profile samples). */
function cpuTicks(target: Target): { process: number; main: number } {
  const pid = target.child.pid;
  return { process: ticksOf(`/proc/${pid}/stat`), main: ticksOf(`/proc/${pid}/task/${pid}/stat`) };
}

const perRequest = (ticks: number) => (((ticks / TICKS_PER_SECOND) * 1e6) / REQUESTS).toFixed(1);

async function drive(target: Target, scenario: Scenario, amount: number): Promise<number> {
  let counter = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}`,
    connections: CONNECTIONS,
    amount,
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
    requests: [
      {
        method: scenario.method,
        setupRequest: (request) => {
          const i = counter++;
          return {
            ...request,
            path: scenario.path(i, PLAYERS),
            ...(scenario.body ? { body: JSON.stringify(scenario.body(i, PLAYERS)) } : {}),
          };
        },
      },
    ],
  });
  return result.errors + result.non2xx;
}

const variants = process.argv.slice(2).map((arg) => {
  const [name, dir] = arg.split('=') as [string, string];
  return { name, dir: resolve(dir) };
});
if (variants.length === 0) throw new Error('usage: node bench/cpu-per-request.ts name=<checkout> [name=<checkout> …]');
const scenarios = SCENARIOS.filter(({ name }) => ONLY.some((part) => name.includes(part)));
const rows: (string | number)[][] = [];
for (const [round, variant] of variants.entries()) {
  const database = `bench_cpu_${Date.now()}`;
  await sql([`create database "${database}"`], ADMIN_URL);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  try {
    const server = await startTarget(variant.name, `${variant.dir}/main.ts`, {
      DATABASE_URL: url.toString(),
      SECURITY__API_KEY: API_KEY,
      RATE_LIMIT__MAX: '100000000',
      ...(process.env.CPU_PROFILE_DIR
        ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.CPU_PROFILE_DIR}/${round + 1}-${variant.name}` }
        : {}),
    });
    try {
      await sql([...FIXED_SEED_SQL, ...seedSql(0, PLAYERS, 0, USERS), 'analyze'], url.toString());
      for (const scenario of scenarios) await drive(server, scenario, WARM_UP);
      for (const scenario of scenarios) {
        const load = loadavg()[0]!.toFixed(1);
        const before = cpuTicks(server);
        const errors = await drive(server, scenario, REQUESTS);
        const after = cpuTicks(server);
        const [whole, main] = [perRequest(after.process - before.process), perRequest(after.main - before.main)];
        rows.push([round + 1, variant.name, scenario.name, whole, main, errors, load]);
        console.error(`${variant.name} ${scenario.name}: ${whole} µs/request, main thread ${main} (load ${load})`);
      }
    } finally {
      await stopTarget(server);
    }
  } finally {
    await sql([`drop database "${database}" with (force)`], ADMIN_URL);
  }
}
console.log(
  markdown(
    ['run', 'variant', 'route', 'server CPU µs/request', 'main thread µs/request', 'errors', 'load average (1 min)'],
    rows,
  ),
);
