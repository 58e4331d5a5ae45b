// `npm run lint:openapi`: starts the server on an in-memory database, takes the OpenAPI document it serves, and runs
// stock `redocly lint` and `spectral lint` on it with the repository's configs. Exits 1 when either reports an error.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { application } from '../application.ts';
import { loadConfig } from '#src/config.ts';
import { createLogger } from '#src/logger.ts';
import { startServer } from '#src/server.ts';
import { redoclyLint, spectralLint } from './openapi-linters.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'game-backend-lint-'));
const config = loadConfig({ PORT: '0', DATABASE_URL: 'memory://', DATA_DIR: dataDir }, () => 'unused');
const server = await startServer(config, createLogger('silent'), application);
const file = join(dataDir, 'openapi.json');
try {
  try {
    const served = await (await fetch(`${server.url}/openapi.json`)).json();
    // Indented, so that the line numbers of the linters' reports point at one field each.
    await writeFile(file, JSON.stringify(served, null, 2));
  } finally {
    await server.close(1000);
  }
  let failed = false;
  for (const lint of [redoclyLint, spectralLint]) {
    const { exitCode, output } = await lint(file, 'stylish');
    process.stdout.write(output);
    failed ||= exitCode !== 0;
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
