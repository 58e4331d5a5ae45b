// What a running server on PGlite on disk does for backups: it answers `npm run backup` on its socket, and takes the
// scheduled ones when BACKUP_DIR is set. Both write through the same path (`./write-backup.ts`).
import type { Config } from '../config.ts';
import { dumpEmbedded, type Orm } from '../database/open.ts';
import type { Logger } from '../logger.ts';
import { type BackupSocket, serveBackups } from './backup-socket.ts';
import { type ScheduledBackups, scheduleBackups } from './scheduled-backups.ts';
import { type BackupWritten, writeBackup } from './write-backup.ts';

/**
 * How long a snapshot may hold PGlite before its process is taken for stuck and replaced: far past a statement's
 * limit, since a dump reads every file of the database (1.1 s for the bench's 64 MB data set, BENCHMARKS.md #29),
 * yet bounded, so a dump that spins does not hold every request for good.
 */
const DUMP_HANG_LIMIT_MS = 10 * 60 * 1000;

export interface ServerBackups {
  close(): Promise<void>;
}

export async function startBackups(orm: Orm, config: Config, log: Logger): Promise<ServerBackups | null> {
  const { database } = config;
  if (database.kind !== 'pglite' || database.dataDir === null) return null;
  const pgliteDir = database.dataDir;
  const backUp = (target: string): Promise<BackupWritten> =>
    writeBackup((path) => dumpEmbedded(orm, database, path, DUMP_HANG_LIMIT_MS)!, target);
  let socket: BackupSocket | null = null;
  try {
    socket = await serveBackups(config.dataDir, backUp, log);
  } catch (error) {
    // A DATA_DIR path too long for a Unix socket (108 bytes), say: the server serves on, without online backups.
    log.warn({ err: error }, 'npm run backup cannot reach this server: its backup socket could not be opened');
  }
  const scheduled: ScheduledBackups | null = config.backups
    ? scheduleBackups(config.backups, pgliteDir, config.dataDirMinFreeBytes, backUp, log)
    : null;
  return {
    async close() {
      scheduled?.close();
      await socket?.close();
    },
  };
}
