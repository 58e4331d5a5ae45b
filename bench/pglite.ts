// The server on PGlite on disk in a fresh DATA_DIR, as `npm run bench` measures it: its resident memory through the
// first start, idle, and under the load of the HubGW hot paths, and its throughput on them.
import { setTimeout as sleep } from 'node:timers/promises';
import { markdown, measure } from './load.ts';
import type { MemoryFigures } from './memory.ts';
import { currentMemoryMb, currentUniqueMemoryMb, startTarget, stopTarget } from './processes.ts';
import { API_KEY, playerUuid, SCENARIOS } from './scenarios.ts';

/** Players seeded through the API for PGlite, which no outside client can reach: 3 homes and 3 cooldowns each. */
export const PGLITE_PLAYERS = 300;
export const PGLITE_SCENARIOS = [
  'GET /homes/{player_uuid}',
  'POST /cooldowns/check',
  'POST /cooldowns/ (create)',
  'POST /audit/commands (batch of 50)',
];

export interface PgliteRun {
  /** The server's entry point: `../main.ts`, or another checkout's as a file URL. */
  script: string;
  /** Added to the server's environment. */
  env?: Record<string, string>;
  seconds: number;
  connections: number;
  idleSeconds: number;
}

export interface PgliteFigures {
  table: string;
  memory: MemoryFigures;
  /** Requests a second, by scenario name. */
  rps: Record<string, number>;
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
export async function onPglite({
  script,
  env = {},
  seconds,
  connections,
  idleSeconds,
}: PgliteRun): Promise<PgliteFigures> {
  const server = await startTarget('pglite', script, {
    SECURITY__API_KEY: API_KEY,
    RATE_LIMIT__MAX: '100000000',
    ...env,
  });
  try {
    const startPeak = server.startPeakMb;
    await sleep(idleSeconds * 1000);
    const idle = currentMemoryMb(server);
    const idlePss = currentUniqueMemoryMb(server);
    await seedThroughApi(server.port, PGLITE_PLAYERS);
    const rows: (string | number)[][] = [];
    const rps: Record<string, number> = {};
    let loadPeak = 0;
    for (const name of PGLITE_SCENARIOS) {
      const scenario = SCENARIOS.find((candidate) => candidate.name === name)!;
      const run = { target: server, scenario, players: PGLITE_PLAYERS, connections, baseline: false };
      await measure({ ...run, seconds: 2 });
      const result = await measure({ ...run, seconds });
      loadPeak = Math.max(loadPeak, result.rssMb);
      rps[name] = result.rps;
      rows.push([name, Math.round(result.rps), `${result.p50} / ${result.p99}`, result.rssMb, result.errors]);
      console.error(`measured ${name} on PGlite`);
    }
    const table = markdown(['route', 'req/s', 'p50 / p99 ms', 'peak RSS MB', 'errors'], rows);
    return { table, memory: { startPeak, idle, idlePss, loadPeak }, rps };
  } finally {
    await stopTarget(server);
  }
}
