// What retention costs the writes beside it (#29): the audit route's batch write (50 commands) timed over HTTP on a
// real server, in windows without pruning and with a retention round draining old commands, alternated in one run.
// The old commands are loaded straight into the table, enough that each pruning window ends with rows still to go;
// a window's round is stopped as the server's own is at close. The server runs in this process, on a scratch
// PostgreSQL database or on PGlite in memory, with its own rounds set a day apart so only the bench's prune.
//   node bench/retention-write-latency.ts [postgresql|pglite] [windows=3] [seconds=4]
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { application } from '../application.ts';
import { loadConfig } from '../src/config.ts';
import { RetentionPruner } from '../src/database/retention.ts';
import { createLogger } from '../src/logger.ts';
import { startServer } from '../src/server.ts';
import { withScratchDatabase } from '../scripts/scratch-database.ts';

const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgresql';
const WINDOWS = Number(process.argv[3] ?? 3);
const WINDOW_MS = Number(process.argv[4] ?? 4) * 1000;
const WRITERS = 4;
const API_KEY = 'bench-retention-key-0123456789';
const OLD_ROWS = kind === 'pglite' ? 1_500_000 : 4_000_000;

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function run(databaseUrl: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-retention-'));
  const config = loadConfig(
    {
      PORT: '0',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SECURITY__API_KEY: API_KEY,
      RETENTION_INTERVAL_SECONDS: '86400',
      DATABASE__STATEMENT_TIMEOUT_MS: '0',
    },
    () => API_KEY,
  );
  const log = createLogger('silent');
  const server = await startServer(config, log, application);
  try {
    // The server's first round has run on the empty tables; what is loaded now waits for the bench's rounds.
    await sleep(500);
    await server.orm.em.fork().execute(`insert into hubgw.command_audit
        (player_uuid, player_name, command, arguments, server, executed_at, created_at)
      select md5(i::text)::uuid, 'player' || (i % 5000), 'home', '["base"]'::jsonb, 'survival',
        now() - interval '200 days' + i * interval '1 millisecond', now() - interval '200 days'
      from generate_series(1, ${OLD_ROWS}) i`);
    await server.orm.em.fork().execute('vacuum analyze hubgw.command_audit');
    const body = JSON.stringify(
      Array.from({ length: 50 }, (_, i) => ({
        player_uuid: crypto.randomUUID(),
        player_name: `player${i}`,
        command: 'home',
        arguments: ['base'],
        server: 'survival',
      })),
    );
    const write = async () => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/v1/audit/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 202) throw new Error(`a write answered ${response.status}`);
      return performance.now() - started;
    };
    const window = async () => {
      const times: number[] = [];
      const until = performance.now() + WINDOW_MS;
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          while (performance.now() < until) times.push(await write());
        }),
      );
      return times;
    };
    for (let i = 0; i < 200; i++) await write();
    const quiet: number[] = [];
    const pruning: number[] = [];
    let pruned = 0;
    for (let w = 0; w < WINDOWS; w++) {
      quiet.push(...(await window()));
      const pruner = new RetentionPruner({
        orm: server.orm,
        kind,
        tables: application.persistence.growingTables(config.retention).filter(({ table }) => table.endsWith('audit')),
        intervalMs: 86_400_000,
        clock: () => new Date(),
        log,
        onPruned: (_table, rows) => {
          pruned += rows;
        },
      });
      pruner.start();
      pruning.push(...(await window()));
      await pruner.stop();
    }
    const [left] = await server.orm.em
      .fork()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from hubgw.command_audit where executed_at < now() - interval '100 days'`,
      );
    const show = (label: string, times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      console.log(
        `  ${label}: ${times.length} writes, mean ${mean.toFixed(2)} ms, p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p99 ${percentile(sorted, 0.99).toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms`,
      );
      return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
    };
    console.log(
      `${kind}: ${WINDOWS} windows of ${WINDOW_MS / 1000} s each way, ${WRITERS} writers, 50 commands a write`,
    );
    const a = show('without pruning', quiet);
    const b = show('with pruning   ', pruning);
    console.log(`  ratio with/without: p50 ${(b.p50 / a.p50).toFixed(3)}, p99 ${(b.p99 / a.p99).toFixed(3)}`);
    console.log(`  pruned ${pruned} rows while writing (${left!.n} old rows still to go, so every window pruned)`);
    const withinQuietP99 = pruning.filter((t) => t <= a.p99).length / pruning.length;
    console.log(`  writes during pruning within the quiet p99: ${(withinQuietP99 * 100).toFixed(1)}%`);
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (kind === 'pglite') await run('memory://');
else await withScratchDatabase('bench_retention', run);
