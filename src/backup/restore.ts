// `npm run restore`: replaces the embedded database in DATA_DIR by a backup's, while no server owns DATA_DIR. The
// backup is unpacked into a sibling folder and opened there first; only a snapshot that opened is swapped in, by two
// renames, and the database it replaces is kept aside until the swap is done.
import { existsSync } from 'node:fs';
import { access, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Database } from '../config.ts';
import { holdsCluster } from '../database/pglite/template.ts';
import { lockDataDir } from '../data-dir-lock.ts';
import { openSnapshot } from './open-snapshot.ts';
import { syncDir } from './write-backup.ts';

/** Where the database being replaced waits while the restored one is renamed into its place. */
function asideOf(pgliteDir: string): string {
  return `${pgliteDir}.before-restore`;
}

/**
 * Why the server must not start on `pgliteDir`: a restore was killed between its two renames, so the database is
 * aside and the folder a start would fill with an empty one is missing. Null when there is no such restore.
 */
export function interruptedRestore(pgliteDir: string): string | null {
  const aside = asideOf(pgliteDir);
  if (holdsCluster(pgliteDir) || !holdsCluster(aside)) return null;
  return `a restore was cut short: the database is in ${aside}; run the restore again, or move it back to ${pgliteDir}`;
}

/** The folder of the embedded database on disk, or why `database` has none to restore into. */
export function embeddedDataDir(database: Database): string {
  if (database.kind === 'postgresql')
    throw new Error('DATABASE_URL names PostgreSQL: back it up and restore it with pg_dump and pg_restore');
  if (database.dataDir === null) throw new Error('DATABASE_URL is memory://: a database in memory has no backups');
  return database.dataDir;
}

/** Restores `file` into `dataDir`'s embedded database `pgliteDir`; refuses (DataDirInUseError) while a server runs. */
export async function restoreBackup(dataDir: string, pgliteDir: string, file: string): Promise<{ tables: number }> {
  await access(file);
  const lock = await lockDataDir(dataDir);
  try {
    const aside = asideOf(pgliteDir);
    // A restore killed between its renames left the old database aside: it goes back first, so that nothing below
    // removes the only copy of it.
    if (interruptedRestore(pgliteDir) !== null) await rename(aside, pgliteDir);
    const incoming = `${pgliteDir}.restoring`;
    await rm(incoming, { recursive: true, force: true });
    try {
      const opened = await openSnapshot(file, incoming);
      await rm(aside, { recursive: true, force: true });
      if (existsSync(pgliteDir)) await rename(pgliteDir, aside);
      await rename(incoming, pgliteDir);
      await syncDir(dirname(pgliteDir));
      await rm(aside, { recursive: true, force: true });
      return opened;
    } finally {
      await rm(incoming, { recursive: true, force: true });
    }
  } finally {
    await lock.release();
  }
}
