// Mutation testing with Stryker, one module at a time against the test files that cover it:
//   npm run test:mutation -- punishments            one module, on in-memory PGlite
//   npm run test:mutation -- --postgres warps        on a fresh PostgreSQL database (the row-lock tests run there only)
//   npm run test:mutation                            every module in scripts/mutation-targets.ts
// PostgreSQL is TEST_POSTGRES_URL's server (default postgres://postgres@127.0.0.1:5432), as for npm run test:pg.
import { spawn } from 'node:child_process';
import { findMutationTarget, mutationTargets } from './mutation-targets.ts';
import { withScratchDatabase } from './scratch-database.ts';

const args = process.argv.slice(2);
const onPostgres = args.includes('--postgres');
const names = args.filter((arg) => arg !== '--postgres');
const modules = names.length > 0 ? names.map((name) => findMutationTarget(name)[0]) : Object.keys(mutationTargets);

/** On PostgreSQL, a scratch database for the run: each test file makes its own inside it. */
function onItsDatabase(run: (env: Record<string, string>) => Promise<number>): Promise<number> {
  if (!onPostgres) return run({});
  return withScratchDatabase('mutation_run', (url) => run({ TEST_DATABASE_URL: url }));
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
  if ((await onItsDatabase((env) => stryker(module, env))) !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
