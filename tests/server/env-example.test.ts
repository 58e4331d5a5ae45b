// .env.example is the configuration schema written out (scripts/env-example.ts): up to date with src/config.ts, and
// naming every environment variable the server's code reads.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ENV_EXAMPLE_PATH, envExample } from '../../scripts/env-example.ts';

const committed = readFileSync(ENV_EXAMPLE_PATH, 'utf8');

const ENTRY_FILES = ['main.ts', 'application.ts', 'persistence.ts'];

/** The files the server runs: what `npm start` loads, not the tests, scripts or benchmarks. */
function serverSources(): string[] {
  const tracked = execFileSync('git', ['ls-files', '*.ts'], {
    cwd: new URL('../..', import.meta.url),
    encoding: 'utf8',
  });
  return tracked
    .split('\n')
    .filter((path) => /^(src|routers|rest-adapter|entities|live-page)\//.test(path) || ENTRY_FILES.includes(path))
    .map((path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
}

it('is what npm run env:example writes from the schema now', () => {
  expect(committed).toBe(envExample());
});

it('names every variable the server reads, with its description', () => {
  const read = new Set<string>();
  for (const source of serverSources())
    for (const [, name] of source.matchAll(/process\.env(?:\.|\[['"])([A-Z][A-Z0-9_]*)/g)) read.add(name!);
  expect(read.size).toBeGreaterThan(0);
  const named = new Set([...committed.matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map(([, name]) => name));
  expect([...read].filter((name) => !named.has(name))).toEqual([]);
  expect(committed).toMatch(/^# The key clients send as X-API-Key;.*\n# SECURITY__API_KEY=$/m);
});
