// The server alone on a scratch PostgreSQL database seeded as `npm run bench` seeds it (about 10k rows in each hot
// table), for the measurements that need no baseline beside it.
import { runSql as sql } from './sql.ts';
import { startTarget, stopTarget, type Target } from './processes.ts';
import { API_KEY, FIXED_SEED_SQL, PLAYERS, USERS, seedSql } from './scenarios.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface SeededServer {
  server: Target;
  /** The scratch database's name, which its backends' process titles carry. */
  database: string;
  /** Stops the server and drops its database. */
  stop(): Promise<void>;
}

/** Starts `script` (a main.ts) as `label` with `env` beside the bench's own settings, on a fresh seeded database. */
export async function startSeededServer(
  label: string,
  script: string,
  env: Record<string, string> = {},
): Promise<SeededServer> {
  const database = `bench_${label.replace(/\W/g, '_')}_${Date.now()}`;
  await sql([`create database "${database}"`], ADMIN_URL);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const drop = () => sql([`drop database if exists "${database}" with (force)`], ADMIN_URL);
  let server: Target | undefined;
  try {
    // The rate limit is raised so the measurement is of the routes rather than the limiter.
    server = await startTarget(label, script, {
      DATABASE_URL: url.toString(),
      SECURITY__API_KEY: API_KEY,
      RATE_LIMIT__MAX: '100000000',
      ...env,
    });
    await sql([...FIXED_SEED_SQL, ...seedSql(0, PLAYERS, 0, USERS), 'analyze'], url.toString());
  } catch (error) {
    if (server) await stopTarget(server);
    await drop();
    throw error;
  }
  const started = server;
  return {
    server: started,
    database,
    async stop() {
      await stopTarget(started);
      await drop();
    },
  };
}
