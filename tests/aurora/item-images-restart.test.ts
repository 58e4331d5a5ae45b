// Images that a server before the database kept them left under `$DATA_DIR/assets/items`: the next start imports
// each one its item's row still names, once, and leaves the files alone. A real server on PGlite in DATA_DIR,
// stopped and started again.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
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

async function json(url: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { item: { id: number } };
}

async function served(url: string, path: string): Promise<{ status: number; bytes: Buffer; etag: string | null }> {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), etag: res.headers.get('etag') };
}

describe('images an older server kept on disk', () => {
  it('are imported at the next start when their row names them, once, and the files stay', async () => {
    const first = await startOnDisk();
    const ids: Record<'kept' | 'otherType' | 'forged', number> = { kept: 0, otherType: 0, forged: 0 };
    try {
      for (const name of Object.keys(ids) as (keyof typeof ids)[]) {
        const { item } = await json(first.url, 'POST', '/api/items', { name, type: 'MATERIAL', rarity: 'C' });
        ids[name] = item.id;
      }
      // As an older server left its rows: pointing at `<id>.<ext>` under the assets folder.
      await json(first.url, 'PUT', `/api/items/${ids.kept}`, { imageUrl: `/assets/items/${ids.kept}.png` });
      await json(first.url, 'PUT', `/api/items/${ids.otherType}`, { imageUrl: `/assets/items/${ids.otherType}.jpg` });
      await json(first.url, 'PUT', `/api/items/${ids.forged}`, { imageUrl: `/assets/items/${ids.forged}.png` });
    } finally {
      await kill(first.server);
    }
    const folder = join(dataDir, 'assets', 'items');
    await mkdir(folder, { recursive: true });
    const files = [`${ids.kept}.png`, `${ids.otherType}.png`, `${ids.forged}.png`, '999.gif'].sort();
    await writeFile(join(folder, `${ids.kept}.png`), IMAGES.png);
    await writeFile(join(folder, `${ids.otherType}.png`), IMAGES.png);
    await writeFile(join(folder, `${ids.forged}.png`), 'not an image');
    await writeFile(join(folder, '999.gif'), IMAGES.gif);

    const second = await startOnDisk();
    let etag: string | null = null;
    try {
      const kept = await served(second.url, `/assets/items/${ids.kept}.png`);
      expect(kept.status).toBe(200);
      expect(kept.bytes.equals(IMAGES.png)).toBe(true);
      etag = kept.etag;
      expect((await served(second.url, `/assets/items/${ids.otherType}.png`)).status).toBe(404);
      expect((await served(second.url, `/assets/items/${ids.forged}.png`)).status).toBe(404);
      expect((await served(second.url, '/assets/items/999.gif')).status).toBe(404);
      expect((await readdir(folder)).sort()).toEqual(files);

      // Replaced through the API: the file on disk must not win at the next start.
      const body = new FormData();
      body.append('image', new Blob([IMAGES.jpg], { type: 'image/jpeg' }), 'new.jpg');
      const replaced = await fetch(`${second.url}/api/items/${ids.kept}/icon`, { method: 'POST', body });
      expect(replaced.status).toBe(200);
    } finally {
      await kill(second.server);
    }

    const third = await startOnDisk();
    try {
      expect((await served(third.url, `/assets/items/${ids.kept}.png`)).status).toBe(404);
      const now = await served(third.url, `/assets/items/${ids.kept}.jpg`);
      expect(now.bytes.equals(IMAGES.jpg)).toBe(true);
      expect(now.etag).not.toBe(etag);
      expect((await readdir(folder)).sort()).toEqual(files);
    } finally {
      await kill(third.server);
    }
  });
});
