// The embedded database on a full disk: PGlite in DATA_DIR on a 72 MB tmpfs, filled by the test. A change that finds
// no room (SQLSTATE 53100) answers 507 on Aurora and 503 `unavailable` with its reason on HubGW, reads go on, and
// writes come back by themselves once space is freed. Skipped where the tests cannot mount a tmpfs (not root).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServerProcess, type ServerProcess } from '../support/process.ts';
import { canMount, mountTmpfs, type Tmpfs } from '../support/tmpfs.ts';

const API_KEY = 'full-disk-test-key';
/** Fails the request instead of letting a hang run into the test's own timeout. */
const ANSWER_WITHIN_MS = 10_000;
const MB = 1024 * 1024;

/** About 800 KB of audit rows, each small enough to be stored in its table page as it is. */
const AUDIT_BATCH = Array.from({ length: 1000 }, (_, index) => ({
  player_uuid: '00000000-0000-4000-8000-000000000001',
  player_name: 'Filler',
  command: 'say',
  arguments: [`${index}:${'x'.repeat(700)}`],
  server: 'lobby',
}));

async function call(url: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'X-API-Key': API_KEY, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe.skipIf(!canMount())('the embedded database on a full disk', () => {
  let disk: Tmpfs;
  let server: ServerProcess;
  let url: string;
  beforeAll(async () => {
    disk = await mountTmpfs('72m');
    server = runServerProcess({
      DATABASE_URL: undefined,
      DATA_DIR: disk.path,
      SECURITY__API_KEY: API_KEY,
      DATA_DIR_MIN_FREE_MB: '0',
    });
    ({ url } = (await server.waitForLog('listening', 60_000)) as { url: string });
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await disk?.unmount();
  });

  it('answers a change that finds no room 507 (Aurora) and 503 disk_full (HubGW), serves reads, and writes again once space is freed', async () => {
    await disk.fill(MB / 2);

    expect(await call(url, 'POST', '/api/v1/audit/commands', AUDIT_BATCH)).toEqual({
      status: 503,
      body: {
        message: 'The server is out of disk space; try again once space is freed',
        code: 'unavailable',
        details: { reason: 'disk_full' },
      },
    });
    // Random text does not compress, so its row must grow the table's storage.
    const user = {
      id: '900000000000000001',
      username: 'Big',
      settings: { blob: randomBytes(600_000).toString('base64') },
    };
    expect(await call(url, 'POST', '/api/users', user)).toEqual({
      status: 507,
      body: { error: 'The server is out of disk space; try again once space is freed' },
    });
    expect(await call(url, 'GET', '/api/v1/health/')).toEqual({ status: 200, body: { status: 'ok', database: 'up' } });
    expect(await call(url, 'GET', '/api/users')).toMatchObject({ status: 200, body: { users: [], total: 0 } });

    await disk.free();
    expect(await call(url, 'POST', '/api/v1/audit/commands', AUDIT_BATCH)).toEqual({
      status: 202,
      body: { accepted: 1000 },
    });
    expect(await call(url, 'POST', '/api/users', user)).toMatchObject({ status: 201 });
  });
});
