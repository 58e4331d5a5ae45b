// What a start finds of uploads after a crash: only half-received files, which it removes.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UploadDir } from '#src/uploads.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'upload-dir-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

it('empties the uploads folder, where only half-received files can be at a start', async () => {
  const uploads = new UploadDir(dataDir);
  await mkdir(uploads.dir, { recursive: true });
  await writeFile(uploads.tempPath(), 'half received');
  await writeFile(uploads.tempPath(), 'another');
  await uploads.prepare();
  expect(await readdir(uploads.dir)).toEqual([]);
});
