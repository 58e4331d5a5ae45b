// `npm run bench`: the server on PostgreSQL against the bare baseline, same queries, same data, in one run.
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

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const API_KEY = 'bench-api-key';
const PLAYERS = 1000;
const HOMES_PER_PLAYER = 3;

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

function playerUuid(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

async function seed(url: string): Promise<void> {
  await admin(
    `insert into hubgw.homes (id, player_uuid, name, world, x, y, z, yaw, pitch, is_public)
     select gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(p), 12, '0'))::uuid, 'home' || h, 'world',
            p * 1.5, 64, h * -2.25, 0, 0, h % 2 = 0
     from generate_series(0, ${PLAYERS - 1}) p, generate_series(1, ${HOMES_PER_PLAYER}) h`,
    url,
  );
}

interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(port: number, path: (i: number) => string, seconds = SECONDS): Promise<Measurement> {
  let counter = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'x-api-key': API_KEY },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path(counter++) }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const homesPath = (i: number) => `/api/v1/homes/${playerUuid((i * 7919) % PLAYERS)}`;

const database = `bench_${Date.now()}`;
await admin(`create database "${database}"`);
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;
const targets: Target[] = [];
try {
  const server = await start('server', '../src/main.ts', { DATABASE_URL: url.toString() });
  targets.push(server);
  await seed(url.toString());
  const baseline = await start('baseline', './baseline-server.ts', { DATABASE_URL: url.toString() });
  targets.push(baseline);

  console.log(`GET /api/v1/homes/{player_uuid}: ${PLAYERS * HOMES_PER_PLAYER} homes, ${CONNECTIONS} connections, ${SECONDS} s each`);
  for (const target of [baseline, server]) await measure(target.port, homesPath, 2);
  const rows: Record<string, Measurement> = {};
  for (const target of [baseline, server]) rows[target.name] = await measure(target.port, homesPath);
  console.table(Object.fromEntries(Object.entries(rows).map(([name, m]) => [name, { 'req/s': Math.round(m.rps), 'p50 ms': m.p50, 'p99 ms': m.p99, errors: m.errors }])));
  console.log(`throughput ratio server/baseline: ${(rows.server!.rps / rows.baseline!.rps).toFixed(2)} (goal >= 0.70)`);
} finally {
  await Promise.all(targets.map(stop));
  await admin(`drop database if exists "${database}" with (force)`);
}
