// Mutation testing with Stryker, one module at a time against the test files that cover it:
//   npm run test:mutation -- punishments            one module, on in-memory PGlite
//   npm run test:mutation -- --postgres warps        on a fresh PostgreSQL database (the row-lock tests run there only)
//   npm run test:mutation                            every module in scripts/mutation-targets.ts
// PostgreSQL is TEST_POSTGRES_URL's server (default postgres://postgres@127.0.0.1:5432), as for npm run test:pg.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { findMutationTarget, mutationTargets } from './mutation-targets.ts';

const args = process.argv.slice(2);
const onPostgres = args.includes('--postgres');
const names = args.filter((arg) => arg !== '--postgres');
const modules = names.length > 0 ? names.map((name) => findMutationTarget(name)[0]) : Object.keys(mutationTargets);

async function admin(server: URL, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A scratch database for one run: each test file makes its own inside it, and it is dropped with them afterwards. */
async function withScratchDatabase(run: (env: Record<string, string>) => Promise<number>): Promise<number> {
  if (!onPostgres) return run({});
  const server = new URL(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `mutation_run_${process.pid}_${Date.now()}`;
  await admin(server, `create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await run({ TEST_DATABASE_URL: url.toString() });
  } finally {
    await admin(server, `drop database if exists "${name}" with (force)`);
  }
}

function stryker(module: string, env: Record<string, string>): Promise<number> {
  const child = spawn(
    process.execPath,
    ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', 'stryker.config.ts'],
    { stdio: 'inherit', env: { ...process.env, ...env, MUTATION_MODULE: module } },
  );
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

// The child hears Ctrl-C itself; the scratch database is dropped once it has stopped.
process.on('SIGINT', () => {});
let failed = 0;
for (const module of modules) {
  if ((await withScratchDatabase((env) => stryker(module, env))) !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
