// Writes one backup file so that nothing but a whole, checked backup ever bears its name: the snapshot goes to a
// temporary name in the target's folder, is opened in a scratch PGlite, and only then is renamed into place. A kill
// at any point leaves at most a temporary file and never touches the data directory or another backup.
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { openSnapshot } from './open-snapshot.ts';

export interface BackupWritten {
  file: string;
  bytes: number;
  /** The tables the scratch PGlite found in it. */
  tables: number;
  /** How long the snapshot took (its wait for its turn included), and the whole backup with its check. */
  dumpMs: number;
  totalMs: number;
}

/** Writes a snapshot to the new file it is given and answers its size. */
export type Dump = (path: string) => Promise<number>;

/** The leftovers of a backup cut short (a kill) start so, and a later backup in the same folder may remove them. */
export const PARTIAL_MARK = '.partial-';

/** Flushes `dir`'s entries to disk, so that a rename into it survives a crash. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeBackup(dump: Dump, target: string): Promise<BackupWritten> {
  const file = resolve(target);
  const dir = dirname(file);
  const partial = join(dir, `.${basename(file)}${PARTIAL_MARK}${process.pid}`);
  const scratch = `${partial}.check`;
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  await rm(partial, { force: true });
  await rm(scratch, { recursive: true, force: true });
  try {
    const bytes = await dump(partial);
    const dumpMs = performance.now() - started;
    const { tables } = await openSnapshot(partial, scratch);
    await rename(partial, file);
    await syncDir(dir);
    return { file, bytes, tables, dumpMs: Math.round(dumpMs), totalMs: Math.round(performance.now() - started) };
  } finally {
    await rm(partial, { force: true });
    await rm(scratch, { recursive: true, force: true });
  }
}
