// Item images: multipart create and icon replacement, type checks from the bytes, size limits, and the assets route,
// which serves them from the database with a strong ETag.
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { get } from 'node:http';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGES } from '../fixtures/images.ts';
import { request, useTestServer } from '../support/server.ts';

const server = useTestServer();

/** What a refused or finished upload must not leave: received files waiting. */
const leftovers = () => readdir(join(server.dataDir, 'uploads'));

async function storedImages(): Promise<number[]> {
  const rows = await server.sql<{ item_id: number }>('select item_id from aurora.item_images order by item_id');
  return rows.map((row) => row.item_id);
}

const sha256Etag = (bytes: Buffer) => `"${createHash('sha256').update(bytes).digest('base64url')}"`;

function form(
  data: Record<string, unknown> | string | null,
  image?: { bytes: Buffer; name: string; type: string },
): FormData {
  const body = new FormData();
  if (data !== null) body.append('data', typeof data === 'string' ? data : JSON.stringify(data));
  if (image) body.append('image', new Blob([image.bytes], { type: image.type }), image.name);
  return body;
}

async function post(path: string, body: FormData): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body });
  return { status: res.status, body: await res.json() };
}

/** Through node:http, because fetch adds Cache-Control: no-cache to conditional requests. */
function conditionalStatus(path: string, etag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${server.url}${path}`, { headers: { 'If-None-Match': etag } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    }).on('error', reject);
  });
}

async function fetchAsset(path: string) {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const fields = {
  name: 'Health Potion',
  description: 'Restores HP',
  type: 'CONSUMABLE',
  rarity: 'C',
  price: '100',
  usageData: { consume: true, effects: [] },
};

describe('POST /api/items as multipart', () => {
  let id: number;

  it('creates the item with its image: 201, iconUrl and imageUrl point at the served file', async () => {
    const res = await post('/api/items', form(fields, { bytes: IMAGES.png, name: 'potion.png', type: 'image/png' }));
    expect(res.status).toBe(201);
    id = res.body.item.id;
    expect(res.body).toEqual({
      success: true,
      item: { id, ...fields, iconUrl: `/assets/items/${id}.png`, imageUrl: `/assets/items/${id}.png` },
    });
    const asset = await fetchAsset(`/assets/items/${id}.png`);
    expect(asset.status).toBe(200);
    expect(asset.bytes.equals(IMAGES.png)).toBe(true);
    expect(asset.headers.get('content-type')).toBe('image/png');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=86400');
    // Strong (no W/), and the same on every instance: a hash of the bytes.
    expect(asset.headers.get('etag')).toBe(sha256Etag(IMAGES.png));
    expect(await conditionalStatus(`/assets/items/${id}.png`, asset.headers.get('etag')!)).toBe(304);
    expect(await conditionalStatus(`/assets/items/${id}.png`, '"another"')).toBe(200);
    expect(await leftovers()).toEqual([]);
  });

  it('serves the new bytes at once when an image is replaced by one of the same type, though the old was cached', async () => {
    const other = Buffer.concat([IMAGES.png, Buffer.from('another image')]);
    expect((await fetchAsset(`/assets/items/${id}.png`)).bytes.equals(IMAGES.png)).toBe(true);
    const res = await post(`/api/items/${id}/icon`, form(null, { bytes: other, name: 'b.png', type: 'image/png' }));
    expect(res.status).toBe(200);
    const asset = await fetchAsset(`/assets/items/${id}.png`);
    expect(asset.bytes.equals(other)).toBe(true);
    expect(asset.headers.get('etag')).toBe(sha256Etag(other));
  });

  it("POST /api/items/:id/icon replaces the image, whatever its declared type, and the old type's name serves nothing", async () => {
    const res = await post(
      `/api/items/${id}/icon`,
      form(null, { bytes: IMAGES.jpg, name: 'icon.png', type: 'image/png' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({ iconUrl: `/assets/items/${id}.jpg`, imageUrl: `/assets/items/${id}.jpg` });
    expect((await fetchAsset(`/assets/items/${id}.jpg`)).headers.get('content-type')).toBe('image/jpeg');
    expect((await fetchAsset(`/assets/items/${id}.png`)).status).toBe(404);
  });

  it('accepts GIF and WebP', async () => {
    for (const [extension, type] of [
      ['gif', 'image/gif'],
      ['webp', 'image/webp'],
    ] as const) {
      const res = await post(
        '/api/items',
        form({ ...fields, name: `Pic ${extension}` }, { bytes: IMAGES[extension], name: `x.${extension}`, type }),
      );
      expect(res.status).toBe(201);
      expect(res.body.item.imageUrl).toBe(`/assets/items/${res.body.item.id}.${extension}`);
      expect((await fetchAsset(res.body.item.imageUrl)).headers.get('content-type')).toBe(type);
    }
  });

  it('DELETE /api/items/:id removes the image', async () => {
    expect((await fetchAsset(`/assets/items/${id}.jpg`)).status).toBe(200);
    expect((await request(server, 'DELETE', `/api/items/${id}`)).status).toBe(204);
    expect((await fetchAsset(`/assets/items/${id}.jpg`)).status).toBe(404);
    expect(await storedImages()).not.toContain(id);
  });
});

describe('refused uploads leave nothing behind', () => {
  async function expectNothingStored(name: string) {
    expect((await request(server, 'GET', `/api/items?search=${encodeURIComponent(name)}`)).body.total).toBe(0);
    expect(await leftovers()).toEqual([]);
    expect(await storedImages()).toHaveLength(before);
  }
  let before = 0;
  beforeAll(async () => {
    before = (await storedImages()).length;
  });

  it('a forged image (text named .png, declared image/png) is 400', async () => {
    const res = await post(
      '/api/items',
      form(
        { ...fields, name: 'Forged' },
        { bytes: Buffer.from('<?php system($_GET["c"]); ?>'), name: 'evil.png', type: 'image/png' },
      ),
    );
    expect(res).toEqual({ status: 400, body: { error: 'The image must be a PNG, JPEG, WebP or GIF file' } });
    await expectNothingStored('Forged');
  });

  it('an image over 15 MB is 413', async () => {
    const big = Buffer.concat([IMAGES.png, Buffer.alloc(15 * 1024 * 1024)]);
    const res = await post(
      '/api/items',
      form({ ...fields, name: 'Huge' }, { bytes: big, name: 'huge.png', type: 'image/png' }),
    );
    expect(res).toEqual({ status: 413, body: { error: 'Image exceeds 15 MB' } });
    await expectNothingStored('Huge');
  });

  it('malformed data JSON, bad fields or a duplicate name are refused and the file discarded', async () => {
    const image = { bytes: IMAGES.png, name: 'a.png', type: 'image/png' };
    expect(await post('/api/items', form('{"name":', image))).toEqual({
      status: 400,
      body: { error: 'Malformed JSON in the data field' },
    });
    expect((await post('/api/items', form({ ...fields, name: 'Bad', rarity: 'Z' }, image))).status).toBe(400);
    await post('/api/items', form({ ...fields, name: 'Taken' }));
    expect((await post('/api/items', form({ ...fields, name: 'Taken' }, image))).status).toBe(409);
    await expectNothingStored('Bad');
    expect(await leftovers()).toEqual([]);
  });

  it('an icon upload without an image, or for an unknown item, is refused', async () => {
    const made = await request(server, 'POST', '/api/items', { json: { ...fields, name: 'Plain' } });
    expect((await post(`/api/items/${made.body.item.id}/icon`, form(null))).status).toBe(400);
    expect(
      (await post('/api/items/999999/icon', form(null, { bytes: IMAGES.png, name: 'a.png', type: 'image/png' })))
        .status,
    ).toBe(404);
    expect(await leftovers()).toEqual([]);
    expect(await storedImages()).not.toContain(999999);
  });
});

describe('GET /assets/items/:filename', () => {
  it('serves an image changed in the database itself (SQL, a restore) once an admin clears the caches', async () => {
    const created = await post(
      '/api/items',
      form({ ...fields, name: 'Restored' }, { bytes: IMAGES.png, name: 'r.png', type: 'image/png' }),
    );
    const path = created.body.item.imageUrl as string;
    expect((await fetchAsset(path)).bytes.equals(IMAGES.png)).toBe(true);
    const restored = Buffer.concat([IMAGES.png, Buffer.from('restored')]);
    await server.sql('update aurora.item_images set bytes = ?, size = ?, etag = ? where item_id = ?', [
      restored,
      restored.length,
      sha256Etag(restored),
      created.body.item.id,
    ]);
    expect((await fetchAsset(path)).bytes.equals(IMAGES.png)).toBe(true);
    expect((await request(server, 'POST', '/api/actions/clear-cache')).status).toBe(200);
    const asset = await fetchAsset(path);
    expect(asset.bytes.equals(restored)).toBe(true);
    expect(asset.headers.get('etag')).toBe(sha256Etag(restored));
  });

  it('serves nothing outside the assets folder, however the name is encoded', async () => {
    for (const path of [
      '/assets/items/..%2F..%2F..%2Fetc%2Fpasswd',
      '/assets/items/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/items/..%5C..%5Cpackage.json',
      '/assets/items/1.png%00.txt',
      '/assets/items/.upload-anything',
      '/assets/items/%252e%252e%252fpackage.json',
      '/assets/items/1.svg',
      '/assets/items/999.png',
      '/assets/items/9999999999.png',
    ]) {
      const res = await request(server, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('"name"');
    }
  });
});
