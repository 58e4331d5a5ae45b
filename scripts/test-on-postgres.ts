// The suite on PostgreSQL: a fresh database on TEST_POSTGRES_URL's server (default postgres://postgres@127.0.0.1:5432),
// dropped afterwards. Arguments go to vitest: npm run test:pg -- tests/hubgw
import { spawn } from 'node:child_process';
import { withScratchDatabase } from './scratch-database.ts';

// The child hears Ctrl-C itself; the database is dropped once it has stopped.
process.on('SIGINT', () => {});
const code = await withScratchDatabase('test_run', (url) => {
  const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: url },
  });
  return new Promise<number>((resolve) => vitest.on('exit', (exitCode) => resolve(exitCode ?? 1)));
});
process.exit(code);
