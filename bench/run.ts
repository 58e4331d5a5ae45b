// `npm run bench`: the server on PostgreSQL against the bare baseline, same requests, same data, in one run.
//   BENCH_DATABASE_URL  admin connection used to create and drop the bench database (default: local test db)
//   BENCH_SECONDS       seconds per measurement (default 10); BENCH_CONNECTIONS (default 50)
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { API_KEY, PLAYERS, SCENARIOS, SEED_SQL, type Scenario } from './scenarios.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
interface Target {
  name: string;
  port: number;
  child: ChildProcess;
}

async function admin(sql: string, url = ADMIN_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Its stdout goes to a file, so its log lines never load the process that generates the traffic. */
async function start(name: string, script: string, env: Record<string, string>): Promise<Target> {
  const logFile = join(tmpdir(), `bench-${name}-${process.pid}.log`);
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', SECURITY__API_KEY: API_KEY, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', out, 'inherit'],
  });
  closeSync(out);
  for (let waited = 0; waited < 30_000; waited += 100) {
    const line = readFileSync(logFile, 'utf8').split('\n').find((text) => text.includes('"listening"'));
    if (line) return { name, port: (JSON.parse(line) as { port: number }).port, child };
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not start; see ${logFile}`);
}

function stop(target: Target): Promise<void> {
  return new Promise((resolve) => {
    target.child.once('exit', () => resolve());
    target.child.kill('SIGTERM');
  });
}

async function seed(url: string): Promise<void> {
  for (const sql of SEED_SQL) await admin(sql, url);
  await admin('analyze', url);
}

interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(port: number, scenario: Scenario, seconds = SECONDS): Promise<Measurement> {
  let counter = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
    requests: [
      {
        method: scenario.method,
        setupRequest: (request) => {
          const i = counter++;
          return { ...request, path: scenario.path(i), ...(scenario.body ? { body: JSON.stringify(scenario.body(i)) } : {}) };
        },
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const database = `bench_${Date.now()}`;
await admin(`create database "${database}"`);
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;
const targets: Target[] = [];
try {
  // The rate limit is raised so the benchmark measures the routes rather than the limiter.
  const server = await start('server', '../src/main.ts', { DATABASE_URL: url.toString(), RATE_LIMIT__MAX: '100000000' });
  targets.push(server);
  await seed(url.toString());
  const baseline = await start('baseline', './baseline-server.ts', { DATABASE_URL: url.toString() });
  targets.push(baseline);

  console.log(`${CONNECTIONS} connections, ${SECONDS} s per measurement, ${PLAYERS} players; goal: server >= 0.70 of baseline on reads`);
  const table: Record<string, Record<string, number | string>> = {};
  for (const scenario of SCENARIOS) {
    for (const target of [baseline, server]) await measure(target.port, scenario, 2);
    const [base, ours] = [await measure(baseline.port, scenario), await measure(server.port, scenario)];
    table[scenario.name] = {
      'baseline req/s': Math.round(base.rps),
      'server req/s': Math.round(ours.rps),
      ratio: (ours.rps / base.rps).toFixed(2),
      'baseline p99 ms': base.p99,
      'server p99 ms': ours.p99,
      errors: base.errors + ours.errors,
    };
  }
  console.table(table);
} finally {
  await Promise.all(targets.map(stop));
  await admin(`drop database if exists "${database}" with (force)`);
}
