// Small file systems for the full-disk tests: a tmpfs mounted for one test file, and a filler that leaves it nearly
// full. Mounting needs root (and the right to mount); where a trial mount fails, the tests that need one are skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function canMount(): boolean {
  if (process.getuid?.() !== 0 || process.platform !== 'linux') return false;
  const trial = mkdtempSync(join(tmpdir(), 'game-backend-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', trial], { stdio: 'ignore' });
    execFileSync('umount', [trial], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }
}

export interface Tmpfs {
  path: string;
  /** Bytes an unprivileged writer may still use. */
  freeBytes(): number;
  /** Fills the file system with one file until `leaveBytes` are free. */
  fill(leaveBytes: number): Promise<void>;
  /** Removes the filler. */
  free(): Promise<void>;
  unmount(): Promise<void>;
}

export async function mountTmpfs(size: string): Promise<Tmpfs> {
  const path = await mkdtemp(join(tmpdir(), 'game-backend-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]);
  const filler = join(path, 'filler');
  const freeBytes = () => {
    const stats = statfsSync(path);
    return stats.bavail * stats.bsize;
  };
  return {
    path,
    freeBytes,
    fill: (leaveBytes) => writeFile(filler, Buffer.alloc(Math.max(0, freeBytes() - leaveBytes), 1)),
    free: () => rm(filler, { force: true }),
    async unmount() {
      execFileSync('umount', [path]);
      await rm(path, { recursive: true, force: true });
    },
  };
}
