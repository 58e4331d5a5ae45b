// An image upload onto a full disk: DATA_DIR is a 256 KB tmpfs, so writing a larger image fails with ENOSPC. The
// server answers 507 at once, keeps no temporary file and no item row, and goes on serving. Mounting needs root (and
// the right to mount), which the development machines and CI have; where a trial mount fails, the file is skipped.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGES } from '../fixtures/images.ts';
import { request, startTestServer, type TestServer } from '../support/server.ts';
import { canMount, mountTmpfs, type Tmpfs } from '../support/tmpfs.ts';

/** A PNG by its bytes, too large for the tmpfs: the real header, then padding. */
const LARGE_PNG = Buffer.concat([IMAGES.png, Buffer.alloc(2 * 1024 * 1024, 7)]);
/** Fails the request instead of letting a hang run into the test's own timeout. */
const ANSWER_WITHIN_MS = 10_000;

describe.skipIf(!canMount())('uploads onto a full disk', () => {
  let disk: Tmpfs;
  let mountPoint: string;
  let server: TestServer;
  beforeAll(async () => {
    disk = await mountTmpfs('256k');
    mountPoint = disk.path;
    server = await startTestServer({ dataDir: mountPoint });
  });
  afterAll(async () => {
    await server?.close();
    await disk?.unmount();
  });

  function upload(path: string, data: Record<string, unknown> | null) {
    const body = new FormData();
    if (data) body.append('data', JSON.stringify(data));
    body.append('image', new Blob([LARGE_PNG], { type: 'image/png' }), 'large.png');
    return fetch(`${server.url}${path}`, { method: 'POST', body, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
  }

  /** Every file left in DATA_DIR's uploads: received uploads still waiting. */
  const assets = () => readdir(join(mountPoint, 'uploads'));
  const storedImages = async () =>
    (await server.sql<{ item_id: number }>('select item_id from aurora.item_images')).map((row) => row.item_id);

  it('answers 507 to a new item with its image, and keeps neither the file nor the row', async () => {
    const res = await upload('/api/items', { name: 'Heavy', type: 'MATERIAL', rarity: 'C', price: '1' });
    expect(res.status).toBe(507);
    expect(await res.json()).toEqual({ error: 'The server could not store the image' });
    expect(await assets()).toEqual([]);
    expect(await storedImages()).toEqual([]);
    expect((await request(server, 'GET', '/api/items')).body).toMatchObject({ items: [], total: 0 });
  });

  it('answers 507 to a new icon, keeps the item as it was, and goes on serving', async () => {
    const created = await request(server, 'POST', '/api/items', {
      json: { name: 'Light', type: 'MATERIAL', rarity: 'C', price: '1' },
    });
    expect(created.status).toBe(201);
    const id = created.body.item.id;
    const res = await upload(`/api/items/${id}/icon`, null);
    expect(res.status).toBe(507);
    expect(await res.json()).toEqual({ error: 'The server could not store the image' });
    expect(await assets()).toEqual([]);
    expect((await request(server, 'GET', `/api/items/${id}`)).body).toEqual(created.body.item);

    const small = new FormData();
    small.append('image', new Blob([IMAGES.gif], { type: 'image/gif' }), 'small.gif');
    const fits = await fetch(`${server.url}/api/items/${id}/icon`, { method: 'POST', body: small });
    expect(fits.status).toBe(200);
    expect(await assets()).toEqual([]);
    expect(await storedImages()).toEqual([id]);
    expect((await fetch(`${server.url}/assets/items/${id}.gif`)).status).toBe(200);
  });
});
