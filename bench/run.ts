// `npm run bench`: the server on PostgreSQL against the bare baseline, same requests, same data, in one run; then
// live fan-out at 10 subscribers × 200 changes/s; then every goal, met or missed; then the server alone at 1 to 200
// connections, with about 10k and then 1M rows in the hot tables. Prints Markdown.
//   BENCH_DATABASE_URL  admin connection used to create and drop the bench database (default: local test db)
//   BENCH_SECONDS       seconds per side-by-side measurement (default 10); BENCH_CONNECTIONS (default 50)
//   BENCH_SCALING_SECONDS  seconds per scaling measurement (default 5); BENCH_SCALING=0 skips the scaling table
//   BENCH_ONLY          comma-separated parts of scenario names: measure just those side by side
//   FANOUT_SECONDS      seconds of the fan-out measurement (default 10); BENCH_FANOUT=0 skips it
//   BENCH_IDLE_SECONDS  how long each server stands idle before its idle memory is read (default 20)
//   BENCH_PGLITE=0      skips the server on PGlite on disk (its throughput and its memory goals)
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { fanoutGoalMet, measureFanout } from './fanout-measure.ts';
import { GOALS, goalsTable, type SideBySide } from './goals.ts';
import { type MemoryFigures, memoryTable } from './memory.ts';
import { currentMemoryMb, peakMemoryMb, resetPeakMemory, startTarget, stopTarget, type Target } from './processes.ts';
import {
  API_KEY,
  FIXED_SEED_SQL,
  MANY_PLAYERS,
  MANY_USERS,
  PLAYERS,
  SCALING_CONNECTIONS,
  SCALING_SCENARIOS,
  SCENARIOS,
  USERS,
  playerUuid,
  seedSql,
  type Scenario,
} from './scenarios.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SCALING_SECONDS = Number(process.env.BENCH_SCALING_SECONDS ?? 5);
const FANOUT_SECONDS = Number(process.env.FANOUT_SECONDS ?? 10);
const FANOUT_LOAD = { subscribers: 10, rate: 200 };
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 20);
/** Players seeded through the API for PGlite, which no outside client can reach: 3 homes and 3 cooldowns each. */
const PGLITE_PLAYERS = 300;
const PGLITE_SCENARIOS = [
  'GET /homes/{player_uuid}',
  'POST /cooldowns/check',
  'POST /cooldowns/ (create)',
  'POST /audit/commands (batch of 50)',
];

async function sql(statements: string[], url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rssMb: number;
}

interface Run {
  target: Target;
  scenario: Scenario;
  players: number;
  connections: number;
  seconds: number;
  baseline: boolean;
}

async function measure({ target, scenario, players, connections, seconds, baseline }: Run): Promise<Measurement> {
  let counter = 0;
  const path = (baseline && scenario.baselinePath) || scenario.path;
  resetPeakMemory(target);
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}`,
    connections,
    duration: seconds,
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
    requests: [
      {
        method: scenario.method,
        setupRequest: (request) => {
          const i = counter++;
          return {
            ...request,
            path: path(i, players),
            ...(scenario.body ? { body: JSON.stringify(scenario.body(i, players)) } : {}),
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    rssMb: peakMemoryMb(target),
  };
}

function markdown(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

async function sideBySide(server: Target, baseline: Target): Promise<{ table: string; results: SideBySide[] }> {
  const rows: (string | number)[][] = [];
  const results: SideBySide[] = [];
  const only = process.env.BENCH_ONLY?.split(',');
  for (const scenario of SCENARIOS.filter(({ name }) => !only || only.some((part) => name.includes(part)))) {
    const run = { scenario, players: PLAYERS, connections: CONNECTIONS };
    for (const target of [baseline, server])
      await measure({ ...run, target, seconds: 2, baseline: target === baseline });
    const base = await measure({ ...run, target: baseline, seconds: SECONDS, baseline: true });
    const ours = await measure({ ...run, target: server, seconds: SECONDS, baseline: false });
    const ratio = ours.rps / base.rps;
    const met = ratio >= GOALS.ratio[scenario.kind] && ours.p99 < GOALS.p99Ms ? 'yes' : 'no';
    results.push({
      scenario,
      ratio,
      serverRps: ours.rps,
      serverP99: ours.p99,
      serverRssMb: ours.rssMb,
      baselineRssMb: base.rssMb,
    });
    rows.push([
      scenario.name,
      scenario.kind,
      Math.round(base.rps),
      Math.round(ours.rps),
      ratio.toFixed(2),
      `${base.p50} / ${base.p99}`,
      `${ours.p50} / ${ours.p99}`,
      `${base.rssMb} / ${ours.rssMb}`,
      base.errors + ours.errors,
      met,
    ]);
    console.error(`measured ${scenario.name}: ${ratio.toFixed(2)}`);
  }
  const table = markdown(
    [
      'route',
      'kind',
      'baseline req/s',
      'server req/s',
      'ratio',
      'baseline p50 / p99 ms',
      'server p50 / p99 ms',
      'peak RSS MB base / server',
      'errors',
      'goal met',
    ],
    rows,
  );
  return { table, results };
}

/** Homes and cooldowns for the first `players` players, written through the API, ten requests at a time. */
async function seedThroughApi(port: number, players: number): Promise<void> {
  const requests = Array.from({ length: players }, (_, p) =>
    ['starter', 'teleport', 'heal'].flatMap((kind, h) => [
      {
        method: 'PUT',
        path: '/api/v1/homes/',
        body: { player_uuid: playerUuid(p), name: `home${h}`, world: 'world', x: p, y: 64, z: h },
      },
      {
        method: 'POST',
        path: '/api/v1/cooldowns/',
        body: { player_uuid: playerUuid(p), cooldown_type: kind, cooldown_seconds: 3600 },
      },
    ]),
  ).flat();
  for (let at = 0; at < requests.length; at += 10) {
    await Promise.all(
      requests.slice(at, at + 10).map(async ({ method, path, body }) => {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, {
          method,
          headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`seeding ${method} ${path} answered ${res.status}`);
      }),
    );
  }
}

/** The server on PGlite in a fresh DATA_DIR: its memory through the first start, idle and under load, and its speed. */
async function onPglite(): Promise<{ table: string; memory: MemoryFigures }> {
  const server = await startTarget('pglite', '../main.ts', {
    SECURITY__API_KEY: API_KEY,
    RATE_LIMIT__MAX: '100000000',
  });
  try {
    const startPeak = server.startPeakMb;
    await sleep(IDLE_SECONDS * 1000);
    const idle = currentMemoryMb(server);
    await seedThroughApi(server.port, PGLITE_PLAYERS);
    const rows: (string | number)[][] = [];
    let loadPeak = 0;
    for (const name of PGLITE_SCENARIOS) {
      const scenario = SCENARIOS.find((candidate) => candidate.name === name)!;
      const run = { target: server, scenario, players: PGLITE_PLAYERS, connections: CONNECTIONS, baseline: false };
      await measure({ ...run, seconds: 2 });
      const result = await measure({ ...run, seconds: SECONDS });
      loadPeak = Math.max(loadPeak, result.rssMb);
      rows.push([name, Math.round(result.rps), `${result.p50} / ${result.p99}`, result.rssMb, result.errors]);
      console.error(`measured ${name} on PGlite`);
    }
    const table = markdown(['route', 'req/s', 'p50 / p99 ms', 'peak RSS MB', 'errors'], rows);
    return { table, memory: { startPeak, idle, loadPeak } };
  } finally {
    await stopTarget(server);
  }
}

async function scaling(server: Target, url: string): Promise<string> {
  const rows: (string | number)[][] = [];
  const sizes = [
    { label: '10k', players: PLAYERS, grow: async () => {} },
    {
      label: '1M',
      players: MANY_PLAYERS,
      grow: () => sql([...seedSql(PLAYERS, MANY_PLAYERS, USERS, MANY_USERS), 'analyze'], url),
    },
  ];
  for (const size of sizes) {
    await size.grow();
    for (const name of SCALING_SCENARIOS) {
      const scenario = SCENARIOS.find((candidate) => candidate.name === name)!;
      await measure({ target: server, scenario, players: size.players, connections: 10, seconds: 2, baseline: false });
      const cells: string[] = [];
      for (const connections of SCALING_CONNECTIONS) {
        const result = await measure({
          target: server,
          scenario,
          players: size.players,
          connections,
          seconds: SCALING_SECONDS,
          baseline: false,
        });
        cells.push(`${Math.round(result.rps)} / ${result.p99}`);
      }
      rows.push([name, size.label, ...cells]);
      console.error(`scaled ${name} at ${size.label}`);
    }
  }
  return markdown(
    ['route', 'rows', ...SCALING_CONNECTIONS.map((connections) => `${connections} conn: req/s / p99 ms`)],
    rows,
  );
}

const database = `bench_${Date.now()}`;
await sql([`create database "${database}"`], ADMIN_URL);
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;
const targets: Target[] = [];
try {
  // The rate limit is raised so the benchmark measures the routes rather than the limiter.
  const server = await startTarget('server', '../main.ts', {
    DATABASE_URL: url.toString(),
    SECURITY__API_KEY: API_KEY,
    RATE_LIMIT__MAX: '100000000',
    WS_MAX_CONNECTIONS: String(FANOUT_LOAD.subscribers + 5),
  });
  targets.push(server);
  const postgresStartPeak = server.startPeakMb;
  await sql([...FIXED_SEED_SQL, ...seedSql(0, PLAYERS, 0, USERS), 'analyze'], url.toString());
  const baseline = await startTarget('baseline', './baseline-server.ts', {
    DATABASE_URL: url.toString(),
    SECURITY__API_KEY: API_KEY,
  });
  targets.push(baseline);
  await sleep(IDLE_SECONDS * 1000);
  const postgresIdle = currentMemoryMb(server);

  console.log(
    `## Server against baseline: ${CONNECTIONS} connections, ${SECONDS} s each, ${PLAYERS} players (about 10k homes and cooldowns), ${USERS} users\n`,
  );
  const { table, results } = await sideBySide(server, baseline);
  console.log(table);
  let fanout = null;
  if (process.env.BENCH_FANOUT !== '0') {
    const result = await measureFanout(server.port, FANOUT_LOAD.subscribers, FANOUT_LOAD.rate, FANOUT_SECONDS);
    console.error(`measured fan-out: p99 ${result.p99} ms, lost ${result.lost}`);
    fanout = { result, met: fanoutGoalMet(result, FANOUT_SECONDS) };
  }
  console.log(`\n## Goals\n\n${goalsTable(results, fanout)}`);
  const postgresMemory = {
    startPeak: postgresStartPeak,
    idle: postgresIdle,
    loadPeak: Math.max(...results.map((result) => result.serverRssMb)),
  };
  let pglite = null;
  if (process.env.BENCH_PGLITE !== '0') {
    pglite = await onPglite();
    console.log(
      `\n## The server on PGlite on disk: ${CONNECTIONS} connections, ${SECONDS} s each, ${PGLITE_PLAYERS} players seeded through the API\n\n${pglite.table}`,
    );
  }
  console.log(`\n## Memory\n\n${memoryTable(pglite?.memory ?? null, postgresMemory)}`);
  if (process.env.BENCH_SCALING !== '0') {
    console.log(
      `\n## Scaling: the server alone, ${SCALING_SECONDS} s each; rows are homes and cooldowns (users grow alike)\n`,
    );
    console.log(await scaling(server, url.toString()));
  }
} finally {
  await Promise.all(targets.map(stopTarget));
  await sql([`drop database if exists "${database}" with (force)`], ADMIN_URL);
}
