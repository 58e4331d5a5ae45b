// The suite on PostgreSQL: a fresh database on TEST_POSTGRES_URL's server (default postgres://postgres@127.0.0.1:5432),
// dropped afterwards. Arguments go to vitest: npm run test:pg -- tests/hubgw
import { spawn } from 'node:child_process';
import pg from 'pg';

const server = new URL(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const name = `test_run_${process.pid}_${Date.now()}`;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

await admin(`create database "${name}"`);
const url = new URL(server);
url.pathname = `/${name}`;
const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url.toString() },
});
// The child hears Ctrl-C itself; the database is dropped once it has stopped.
process.on('SIGINT', () => {});
const code = await new Promise<number>((resolve) => vitest.on('exit', (exitCode) => resolve(exitCode ?? 1)));
await admin(`drop database if exists "${name}" with (force)`);
process.exit(code);
