// The README's typed-client example, run as the README says (`npm run dashboard-client -- <url>`, on the project's
// own Node): it lists items and prints live stats, and a missing or refused admin token is one line, not a stack.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_TOKEN = 'dashboard-example-admin-token';

const server = useTestServer({ env: { SECURITY__ADMIN_TOKEN: ADMIN_TOKEN } });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the example until it exits, or until its stdout shows `until`: then SIGINT stops it, as a person would. */
function runExample(token: string | undefined, until?: RegExp): Promise<Run> {
  const { ADMIN_TOKEN: _inherited, ...env } = process.env;
  const child = spawn('npm', ['run', '--silent', 'dashboard-client', '--', server.url], {
    cwd: ROOT,
    env: token === undefined ? env : { ...env, ADMIN_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    if (until?.test(stdout)) child.kill('SIGINT');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run dashboard-client', () => {
  it('with the admin token, lists the items and prints live stats', { timeout: 30_000 }, async () => {
    const run = await runExample(ADMIN_TOKEN, /^stats: /m);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^0 items\n/);
    expect(run.stdout).toMatch(/^stats: 0 users, economy 0, 1 live$/m);
  });

  it('without a token, says in one line that the server needs one', { timeout: 30_000 }, async () => {
    const run = await runExample(undefined);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `${server.url} needs an admin token: run it again with ADMIN_TOKEN=<the server's SECURITY__ADMIN_TOKEN>\n`,
    );
  });

  it('with a wrong token, says in one line that it was refused', { timeout: 30_000 }, async () => {
    const run = await runExample('not-the-token');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${server.url} refused the admin token in ADMIN_TOKEN\n`);
  });
});
