// Backups the server takes by itself every BACKUP_INTERVAL_HOURS into BACKUP_DIR, keeping the newest BACKUP_KEEP.
// They run on a timer, off the request path (requests wait only while the snapshot itself is taken); one that
// fails, or is skipped for want of room, is logged and the next one is tried in its time.
import { mkdir, readdir, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupSchedule } from '../config.ts';
import type { Logger } from '../logger.ts';
import { type BackupWritten, PARTIAL_MARK } from './write-backup.ts';

export interface ScheduledBackups {
  /** Stops the timer; a backup under way fails with the database's close and leaves only its temporary file. */
  close(): void;
}

const NAME = /^backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.tar\.gz$/;
/** A tar header per file and the end of the archive, above the files' own bytes. */
const TAR_BYTES_PER_FILE = 1024;

/** A name that sorts by time: `backup-2030-01-01T00-00-00-000Z.tar.gz`. */
function backupName(now: Date): string {
  return `backup-${now.toISOString().replace(/[:.]/g, '-')}.tar.gz`;
}

/** The bytes of every file under `dir` plus their tar headers: no snapshot of it, nor its check, is larger. */
async function folderBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    // A file PGlite removed since the listing (a WAL segment recycled) takes no room.
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name)).catch(() => null))?.size ?? 0;
    bytes += TAR_BYTES_PER_FILE;
  }
  return bytes;
}

/** Removes all but the newest `keep` backups, and what a killed backup of another process left. */
async function prune(dir: string, keep: number): Promise<string[]> {
  const names = await readdir(dir);
  const backups = names.filter((name) => NAME.test(name)).sort();
  const stale = names.filter(
    (name) =>
      name.startsWith('.backup-') && name.includes(PARTIAL_MARK) && !name.includes(`${PARTIAL_MARK}${process.pid}`),
  );
  const removed = [...backups.slice(0, Math.max(0, backups.length - keep)), ...stale];
  for (const name of removed) await rm(join(dir, name), { recursive: true, force: true });
  return removed;
}

export function scheduleBackups(
  { dir, intervalMs, keep }: BackupSchedule,
  pgliteDir: string,
  minFreeBytes: number,
  backUp: (target: string) => Promise<BackupWritten>,
  log: Logger,
): ScheduledBackups {
  let running = false;
  const run = async () => {
    await mkdir(dir, { recursive: true });
    // The snapshot and the scratch copy that checks it are each at most the database's size; with the floor kept
    // free beside them, a backup on the database's own disk never takes the room its writes need.
    const needed = 2 * (await folderBytes(pgliteDir));
    const { bavail, bsize } = await statfs(dir);
    const free = bavail * bsize;
    if (free - needed < minFreeBytes) {
      log.warn(
        { dir, freeMb: Math.floor(free / 1024 ** 2), neededMb: Math.ceil(needed / 1024 ** 2) },
        'scheduled backup skipped: it would leave less free space than DATA_DIR_MIN_FREE_MB',
      );
      return;
    }
    const written = await backUp(join(dir, backupName(new Date())));
    const removed = await prune(dir, keep);
    log.info({ ...written, removed }, 'scheduled backup written');
  };
  const timer = setInterval(() => {
    // A backup slower than the interval is not stacked with the next one.
    if (running) return;
    running = true;
    run()
      .catch((error: unknown) =>
        log.error({ err: error, dir }, 'scheduled backup failed; the next one is tried in its time'),
      )
      .finally(() => (running = false));
  }, intervalMs).unref();
  return { close: () => clearInterval(timer) };
}
