// A temporary folder for one test file's data directories and backups, made before its tests and removed after.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** The folder's path, set once the file's tests begin. */
export function useWorkDir(name: string): { path: string } {
  const dir = { path: '' };
  beforeAll(async () => {
    dir.path = await mkdtemp(join(tmpdir(), `game-backend-${name}-`));
  });
  afterAll(async () => {
    if (dir.path !== '') await rm(dir.path, { recursive: true, force: true });
  });
  return dir;
}
