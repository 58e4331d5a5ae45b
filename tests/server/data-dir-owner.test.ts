// DATA_DIR has one owner. A second server on the same embedded database refuses to start, on any port, before it
// touches anything; the owner's crash leaves a stale lock that the next start takes over, with the data intact.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServerProcess, type ServerProcess } from '../support/process.ts';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'game-backend-owner-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** A server on PGlite in `dataDir` (the default database, unset DATABASE_URL), and its base URL once it listens. */
async function startOnDisk(): Promise<{ server: ServerProcess; url: string }> {
  const server = runServerProcess({ DATABASE_URL: undefined, DATA_DIR: dataDir, SECURITY__API_KEY: 'owner-test-key' });
  const { url } = (await server.waitForLog('listening', 60_000)) as { url: string };
  return { server, url };
}

/** Every file under `dir` with its size and modification time, to show that nothing was touched. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = await readdir(dir, { recursive: true });
  const entries = await Promise.all(
    names.map(async (name) => [name, await stat(join(dir, name)).then((s) => `${s.size}@${s.mtimeMs}`)] as const),
  );
  return Object.fromEntries(entries);
}

describe('one owner per DATA_DIR', () => {
  it('refuses a second start with one line naming DATA_DIR and the owner; after a SIGKILL the next start has the data', async () => {
    const first = await startOnDisk();
    const created = await fetch(`${first.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: '900000000000000001', username: 'Kept', balance: '250' }),
    });
    expect(created.status).toBe(201);

    const before = await snapshot(dataDir);
    const second = runServerProcess({
      DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      SECURITY__API_KEY: 'owner-test-key',
    });
    expect((await second.exited).code).toBe(1);
    expect(second.stderr()).toBe(
      `DATA_DIR ${dataDir} is in use by process ${first.server.child.pid}; stop it, or give this server another DATA_DIR\n`,
    );
    expect(second.logs).toEqual([]);
    expect(await snapshot(dataDir)).toEqual(before);

    first.server.child.kill('SIGKILL');
    await first.server.exited;
    const again = await startOnDisk();
    try {
      const user = await fetch(`${again.url}/api/users/900000000000000001`);
      expect(await user.json()).toMatchObject({ id: '900000000000000001', username: 'Kept', balance: '250' });
    } finally {
      again.server.child.kill('SIGTERM');
      expect((await again.server.exited).code).toBe(0);
    }
  });

  it('takes over a lock whose process is gone, and leaves none behind when it stops', async () => {
    await writeFile(join(dataDir, 'server.lock'), '2147483646 0\n');
    const { server } = await startOnDisk();
    server.child.kill('SIGTERM');
    expect(await server.exited, server.stderr() + JSON.stringify(server.logs)).toEqual({ code: 0, signal: null });
    expect(await readdir(dataDir)).not.toContain('server.lock');
  });
});
