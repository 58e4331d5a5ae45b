// How long `npm run migrate-to-postgres` takes for the benchmark's data set: the rows `npm run bench` seeds (players
// with their homes, cooldowns and punishments, users, warps, classes, items), written into a fresh embedded database
// in a DATA_DIR of its own, then copied by the npm script into a scratch PostgreSQL database.
// Run: node bench/migrate-to-postgres-time.ts [players] [users]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '#src/database/open.ts';
import { createLogger } from '#src/logger.ts';
import { persistence } from '../persistence.ts';
import { withScratchDatabase } from '../scripts/scratch-database.ts';
import { FIXED_SEED_SQL, PLAYERS, USERS, seedSql } from './scenarios.ts';

const players = Number(process.argv[2] ?? PLAYERS);
const users = Number(process.argv[3] ?? USERS);
const dataDir = await mkdtemp(join(tmpdir(), 'migrate-bench-'));
try {
  const orm = await openDatabase(
    { kind: 'pglite', dataDir: join(dataDir, 'pglite'), wasmCompiler: 'auto' },
    persistence,
    createLogger('warn'),
  );
  for (const statement of [...FIXED_SEED_SQL, ...seedSql(0, players, 0, users)])
    await orm.em.getConnection().execute(statement);
  await closeDatabase(orm);
  await withScratchDatabase('migrate_bench', async (url) => {
    const started = performance.now();
    const code = await new Promise<number | null>((resolve) =>
      spawn('npm', ['run', '--silent', 'migrate-to-postgres', '--', url], {
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: 'inherit',
      }).on('exit', resolve),
    );
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `players ${players}, users ${users}: exit ${code}, ${seconds.toFixed(2)} s for the whole script\n`,
    );
  });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
