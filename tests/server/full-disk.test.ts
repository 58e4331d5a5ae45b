// The embedded database on a full disk: PGlite in DATA_DIR on a 72 MB tmpfs, filled by the test. Below the free-space
// floor writes are refused, so PGlite never meets a WAL segment it cannot create; and a change that finds no room
// anyway (SQLSTATE 53100, with the floor off) is refused the same way: 507 on Aurora, 503 `unavailable` with its
// reason on HubGW. Reads go on, and writes come back by themselves once space is freed. Skipped where the tests
// cannot mount a tmpfs (not root).
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServerProcess, type ServerProcess } from '../support/process.ts';
import { canMount, mountTmpfs, type Tmpfs } from '../support/tmpfs.ts';
import { IMAGES } from '../fixtures/images.ts';

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

/** Well past the second health takes at most, yet far short of a hang. */
const QUICK_ANSWER_MS = 5_000;

async function call(url: string, method: string, path: string, json?: unknown, withinMs = ANSWER_WITHIN_MS) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'X-API-Key': API_KEY, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
    signal: AbortSignal.timeout(withinMs),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** A new item with its image, as multipart: the image is `bytes` after a real PNG header. */
async function uploadItem(url: string, name: string, bytes: Buffer) {
  const body = new FormData();
  body.append('data', JSON.stringify({ name, type: 'MATERIAL', rarity: 'C' }));
  body.append('image', new Blob([Buffer.concat([IMAGES.png, bytes])], { type: 'image/png' }), 'image.png');
  const res = await fetch(`${url}/api/items`, { method: 'POST', body, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** An image upload refused for want of room stores nothing: no item, and no received file left in DATA_DIR. */
async function expectNothingStored(url: string, dataDir: string) {
  expect(await call(url, 'GET', '/api/items')).toMatchObject({ status: 200, body: { items: [], total: 0 } });
  expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
}

const DISK_FULL = {
  hubgw: {
    status: 503,
    body: {
      message: 'The server is out of disk space; try again once space is freed',
      code: 'unavailable',
      details: { reason: 'disk_full' },
    },
  },
  aurora: { status: 507, body: { error: 'The server is out of disk space; try again once space is freed' } },
};

/** A server on PGlite in DATA_DIR on a 72 MB tmpfs of its own, for the tests of the `describe` that calls it. */
function useServerOnTmpfs(minFreeMb: number) {
  const handle = { disk: null as unknown as Tmpfs, url: '', server: null as unknown as ServerProcess };
  beforeAll(async () => {
    handle.disk = await mountTmpfs('72m');
    handle.server = runServerProcess({
      DATABASE_URL: undefined,
      DATA_DIR: handle.disk.path,
      SECURITY__API_KEY: API_KEY,
      DATA_DIR_MIN_FREE_MB: String(minFreeMb),
    });
    ({ url: handle.url } = (await handle.server.waitForLog('listening', 60_000)) as { url: string });
  });
  afterAll(async () => {
    // SIGTERM, not SIGKILL: the server then closes PGlite's own process before it exits, and no file on the tmpfs is
    // still open when it is unmounted.
    handle.server?.child.kill('SIGTERM');
    await handle.server?.exited;
    await handle.disk?.unmount();
  });
  return handle;
}

describe.skipIf(!canMount())('below DATA_DIR_MIN_FREE_MB', () => {
  const running = useServerOnTmpfs(20);

  it('refuses writes before PGlite runs out of room, serves reads and health, and writes again once space is freed', async () => {
    const { disk, url } = running;
    // Room for the first batches, then the floor: the scenario, where the 11th batch found no room for a WAL
    // segment and the process never answered again.
    await disk.fill(24 * MB);
    const statuses: number[] = [];
    for (let batch = 0; batch < 30 && statuses.at(-1) !== 503; batch++) {
      const answer = await call(url, 'POST', '/api/v1/audit/commands', AUDIT_BATCH);
      statuses.push(answer.status);
      if (answer.status !== 202) expect(answer).toEqual(DISK_FULL.hubgw);
    }
    expect(statuses.at(0)).toBe(202);
    expect(statuses.at(-1)).toBe(503);
    expect(disk.freeBytes()).toBeGreaterThan(16 * MB);

    expect(await call(url, 'POST', '/api/users', { id: '900000000000000002', username: 'Late' })).toEqual(
      DISK_FULL.aurora,
    );
    expect(await uploadItem(url, 'Floor', randomBytes(1000))).toEqual(DISK_FULL.aurora);
    await expectNothingStored(url, disk.path);
    const check = { player_uuid: AUDIT_BATCH[0]!.player_uuid, cooldown_type: 'none' };
    expect(await call(url, 'POST', '/api/v1/cooldowns/check', check)).toEqual({
      status: 200,
      body: { is_active: false, expires_at: null, remaining_seconds: 0 },
    });
    expect(await call(url, 'GET', '/api/v1/health/')).toEqual({ status: 200, body: { status: 'ok', database: 'up' } });

    await disk.free();
    expect(await call(url, 'POST', '/api/v1/audit/commands', AUDIT_BATCH[0])).toEqual({
      status: 202,
      body: { accepted: 1 },
    });
    expect(await call(url, 'POST', '/api/users', { id: '900000000000000002', username: 'Late' })).toMatchObject({
      status: 201,
    });
  });
});

describe.skipIf(!canMount())('a change that finds no room, with the floor off', () => {
  const running = useServerOnTmpfs(0);

  it('answers 507 (Aurora) and 503 disk_full (HubGW), serves reads, and writes again once space is freed', async () => {
    const { disk, url } = running;
    // Less than a table needs to grow, while the WAL segment in use still has room.
    await disk.fill(MB / 2);

    // Received whole (a 300 KB file fits), then refused by the database (53100) as it stores the bytes.
    expect(await uploadItem(url, 'Refused', randomBytes(300_000))).toEqual(DISK_FULL.aurora);
    await expectNothingStored(url, disk.path);
    expect(await call(url, 'POST', '/api/v1/audit/commands', AUDIT_BATCH)).toEqual(DISK_FULL.hubgw);
    // Random text does not compress, so its row must grow the table's storage.
    const user = {
      id: '900000000000000001',
      username: 'Big',
      settings: { blob: randomBytes(600_000).toString('base64') },
    };
    expect(await call(url, 'POST', '/api/users', user)).toEqual(DISK_FULL.aurora);
    expect(await call(url, 'GET', '/api/v1/health/')).toEqual({ status: 200, body: { status: 'ok', database: 'up' } });
    expect(await call(url, 'GET', '/api/users')).toMatchObject({ status: 200, body: { users: [], total: 0 } });

    await disk.free();
    expect(await call(url, 'POST', '/api/v1/audit/commands', AUDIT_BATCH)).toEqual({
      status: 202,
      body: { accepted: 1000 },
    });
    expect(await call(url, 'POST', '/api/users', user)).toMatchObject({ status: 201 });
    expect(await uploadItem(url, 'Refused', randomBytes(300_000))).toMatchObject({ status: 201 });
  });
});

describe.skipIf(!canMount())('PGlite stuck after a WAL segment it could not create, with the floor off', () => {
  const running = useServerOnTmpfs(0);

  it('never stops the server answering: health says 503 within a second, the database comes back, SIGTERM ends it', async () => {
    const { disk, url, server } = running;
    // The scenario: room for the tables, none for a new 16 MB WAL segment. PGlite then spins on its next
    // statement for good; in the server's own thread that blocked every request and signal.
    await disk.fill(14 * MB);
    let refused: Awaited<ReturnType<typeof call>> | undefined;
    for (let batch = 0; batch < 30 && !refused; batch++) {
      const answer = await call(url, 'POST', '/api/v1/audit/commands', AUDIT_BATCH);
      if (answer.status !== 202) refused = answer;
    }
    expect(refused).toEqual(DISK_FULL.hubgw);

    // Health answers at once (its database check gives up after a second), and what needs no database is served.
    expect(await call(url, 'GET', '/api/health', undefined, QUICK_ANSWER_MS)).toEqual({
      status: 503,
      body: { error: 'The database is unavailable; try again shortly', details: 'database: down' },
    });
    expect((await fetch(`${url}/openapi.json`, { signal: AbortSignal.timeout(QUICK_ANSWER_MS) })).status).toBe(200);

    await disk.free();
    let health = 0;
    for (let waited = 0; health !== 200 && waited < 20_000; waited += 250) {
      health = (await call(url, 'GET', '/api/v1/health/')).status;
      if (health !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(health).toBe(200);
    expect(await call(url, 'POST', '/api/v1/audit/commands', AUDIT_BATCH[0])).toEqual({
      status: 202,
      body: { accepted: 1 },
    });

    // Exit code 0: the close finished before the shutdown timer, which exits 1.
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 60_000);
});
