// `npm run bench`: the server on PostgreSQL against the bare baseline, same requests, same data, in one run; then
// live fan-out at 10 subscribers × 1,000 changes/s; then every goal, met or missed; then the server alone at 1 to 200
// connections, with about 10k and then 1M rows in the hot tables. Prints Markdown.
//   BENCH_DATABASE_URL  admin connection used to create and drop the bench database (default: local test db)
//   BENCH_SECONDS       seconds per side-by-side measurement (default 10); BENCH_CONNECTIONS (default 50)
//   BENCH_SCALING_SECONDS  seconds per scaling measurement (default 5); BENCH_SCALING=0 skips the scaling table
//   BENCH_ONLY          comma-separated parts of scenario names: measure just those side by side
//   FANOUT_SECONDS      seconds of the fan-out measurement (default 10); BENCH_FANOUT=0 skips it
//   BENCH_IDLE_SECONDS  how long each server stands idle before its idle memory is read (default 20)
//   BENCH_SERVER_NODE_OPTIONS  Node options of the server on PostgreSQL alone (--max-semi-space-size=32, say)
//   BENCH_BASELINE_NODE_OPTIONS  Node options of the baseline (--cpu-prof, to profile both sides of one run)
//   BENCH_PGLITE=0      skips the server on PGlite on disk (its throughput and its memory goals, on both compilers)
import { setTimeout as sleep } from 'node:timers/promises';
import { chooseWasmCompiler } from '../src/database/pglite/wasm-compiler.ts';
import { fanoutGoalMet, measureFanout } from './fanout-measure.ts';
import { FANOUT_LOAD, GOALS, goalsTable, p99LimitMs, type SideBySide } from './goals.ts';
import { markdown, measure } from './load.ts';
import { runSql as sql } from './sql.ts';
import { memoryTable, type PgliteMemory } from './memory.ts';
import { onPglite, PGLITE_PLAYERS } from './pglite.ts';
import { currentMemoryMb, currentUniqueMemoryMb, startTarget, stopTarget, type Target } from './processes.ts';
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
  seedSql,
} from './scenarios.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SCALING_SECONDS = Number(process.env.BENCH_SCALING_SECONDS ?? 5);
const FANOUT_SECONDS = Number(process.env.FANOUT_SECONDS ?? 10);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 20);
/**
 * PGlite as `npm start` runs it here (`auto`, which settles on the optimising compiler with this machine's memory)
 * and as `auto` runs it on a box with less than 1.5 GB to give (the baseline compiler): the memory goals are for
 * such a box.
 */
function pgliteRuns(): { label: string; env: Record<string, string> }[] {
  const here = chooseWasmCompiler('auto').compiler;
  const runs = [{ label: `auto (here: ${here})`, env: {} }];
  if (here === 'optimizing')
    runs.push({ label: 'as auto runs it below 1.5 GB (baseline)', env: { PGLITE__WASM_COMPILER: 'baseline' } });
  return runs;
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
    const met = ratio >= GOALS.ratio[scenario.kind] && ours.p99 < p99LimitMs(base.p99) ? 'yes' : 'no';
    results.push({
      scenario,
      ratio,
      serverRps: ours.rps,
      serverP99: ours.p99,
      baselineP99: base.p99,
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
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  });
  targets.push(server);
  const postgresStartPeak = server.startPeakMb;
  await sql([...FIXED_SEED_SQL, ...seedSql(0, PLAYERS, 0, USERS), 'analyze'], url.toString());
  const baseline = await startTarget('baseline', './baseline-server.ts', {
    DATABASE_URL: url.toString(),
    SECURITY__API_KEY: API_KEY,
    ...(process.env.BENCH_BASELINE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_BASELINE_NODE_OPTIONS } : {}),
  });
  targets.push(baseline);
  await sleep(IDLE_SECONDS * 1000);
  const postgresIdle = currentMemoryMb(server);
  const postgresIdlePss = currentUniqueMemoryMb(server);

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
    idlePss: postgresIdlePss,
    loadPeak: Math.max(...results.map((result) => result.serverRssMb)),
  };
  const pglite: PgliteMemory[] = [];
  if (process.env.BENCH_PGLITE !== '0') {
    for (const { label, env } of pgliteRuns()) {
      const run = await onPglite({
        script: '../main.ts',
        env,
        seconds: SECONDS,
        connections: CONNECTIONS,
        idleSeconds: IDLE_SECONDS,
      });
      console.log(
        `\n## The server on PGlite on disk, ${label}: ${CONNECTIONS} connections, ${SECONDS} s each, ${PGLITE_PLAYERS} players seeded through the API\n\n${run.table}`,
      );
      pglite.push({ label: `PGlite on disk, ${label}`, figures: run.memory });
    }
  }
  console.log(`\n## Memory\n\n${memoryTable(pglite, postgresMemory)}`);
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
