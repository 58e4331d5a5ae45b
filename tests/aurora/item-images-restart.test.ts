// A kill mid icon replace, or between deleting an item and removing its image, leaves an `<id>.<ext>` that its row
// no longer names. The next start removes it, so only the image the row points at is served. A real server on
// PGlite in DATA_DIR, killed and started again.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGES } from '../fixtures/images.ts';
import { runServerProcess, type ServerProcess } from '../support/process.ts';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'game-backend-images-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function startOnDisk(): Promise<{ server: ServerProcess; url: string }> {
  const server = runServerProcess({ DATABASE_URL: undefined, DATA_DIR: dataDir, SECURITY__API_KEY: 'images-test-key' });
  try {
    const { url } = (await server.waitForLog('listening', 60_000)) as { url: string };
    return { server, url };
  } catch (error) {
    // A start that never listened is still a process: it must not outlive the test.
    server.child.kill('SIGKILL');
    throw error;
  }
}

async function kill(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

function upload(url: string, path: string, image: Buffer, type: string, data?: Record<string, unknown>) {
  const body = new FormData();
  if (data) body.append('data', JSON.stringify(data));
  body.append('image', new Blob([image], { type }), 'image');
  return fetch(`${url}${path}`, { method: 'POST', body });
}

describe('images no row names, at a start', () => {
  it('are removed: the old type of a replaced icon, and the image of a deleted item', async () => {
    const first = await startOnDisk();
    let replacedId = 0;
    let deletedId = 0;
    try {
      const created = await upload(first.url, '/api/items', IMAGES.png, 'image/png', {
        name: 'Replaced',
        type: 'MATERIAL',
        rarity: 'C',
      });
      expect(created.status).toBe(201);
      replacedId = ((await created.json()) as { item: { id: number } }).item.id;
      expect((await upload(first.url, `/api/items/${replacedId}/icon`, IMAGES.jpg, 'image/jpeg')).status).toBe(200);
      const doomed = await upload(first.url, '/api/items', IMAGES.gif, 'image/gif', {
        name: 'Deleted',
        type: 'MATERIAL',
        rarity: 'C',
      });
      deletedId = ((await doomed.json()) as { item: { id: number } }).item.id;
      expect((await fetch(`${first.url}/api/items/${deletedId}`, { method: 'DELETE' })).status).toBe(204);
    } finally {
      await kill(first.server);
    }
    // What a kill between the rename and the removal leaves, for each.
    const images = join(dataDir, 'assets', 'items');
    await writeFile(join(images, `${replacedId}.png`), IMAGES.png);
    await writeFile(join(images, `${deletedId}.gif`), IMAGES.gif);

    const second = await startOnDisk();
    try {
      expect((await readdir(images)).sort()).toEqual([`${replacedId}.jpg`]);
      expect((await fetch(`${second.url}/assets/items/${replacedId}.png`)).status).toBe(404);
      expect((await fetch(`${second.url}/assets/items/${deletedId}.gif`)).status).toBe(404);
      const served = await fetch(`${second.url}/assets/items/${replacedId}.jpg`);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(IMAGES.jpg);
    } finally {
      await kill(second.server);
    }
  });
});
