// What a start finds after a crash, and what it makes of it: half-received uploads go, staged images whose row
// committed are put in place, staged images whose transaction never committed go, and so do images no row names.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ItemImages } from '#routers/aurora/items/images/store.ts';
import { UploadDir } from '#src/uploads.ts';

let dataDir: string;
let assets: ItemImages;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'item-assets-'));
  assets = new ItemImages(dataDir);
  await mkdir(assets.dir, { recursive: true });
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const committed = '11111111-1111-4111-8111-111111111111';
const uncommitted = '22222222-2222-4222-8222-222222222222';

it('settles every leftover by the rows: finish what committed, drop the rest, leave served images alone', async () => {
  await writeFile(join(assets.dir, '1.png'), 'old png');
  await writeFile(join(assets.dir, `.pending-1-${committed}.webp`), 'new webp');
  await writeFile(join(assets.dir, `.pending-2-${uncommitted}.png`), 'never committed');
  await writeFile(join(assets.dir, `.pending-3-${uncommitted}.gif`), 'row gone');
  await writeFile(join(assets.dir, '7.jpg'), 'untouched');

  const asked: number[][] = [];
  await assets.prepare(async (ids) => {
    asked.push([...ids].sort());
    return new Map([
      [1, { token: committed, urls: ['/assets/items/1.webp', '/assets/items/1.webp'] }],
      [2, { token: committed, urls: [null, null] }],
      [7, { token: null, urls: ['/assets/items/7.jpg', null] }],
    ]);
  });

  expect(asked).toEqual([[1, 2, 3, 7]]);
  expect((await readdir(assets.dir)).sort()).toEqual(['1.webp', '7.jpg']);
  expect(await readFile(join(assets.dir, '1.webp'), 'utf8')).toBe('new webp');
});

it('does not ask the database when the folder holds no image', async () => {
  await assets.prepare(async () => {
    throw new Error('asked');
  });
  expect(await readdir(assets.dir)).toEqual([]);
});

it('installs two uploads for one item in the order their locks were taken', async () => {
  const order: string[] = [];
  const first = await assets.lock(5);
  const second = assets.lock(5).then((release) => {
    order.push('second');
    release();
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  order.push('first');
  first();
  await second;
  expect(order).toEqual(['first', 'second']);
});

it('empties the uploads folder, where only half-received files can be at a start', async () => {
  const uploads = new UploadDir(dataDir);
  await mkdir(uploads.dir, { recursive: true });
  await writeFile(uploads.tempPath(), 'half received');
  await writeFile(uploads.tempPath(), 'another');
  await uploads.prepare();
  expect(await readdir(uploads.dir)).toEqual([]);
});
