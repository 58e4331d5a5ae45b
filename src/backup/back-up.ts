// `npm run backup`: a backup of the embedded database in DATA_DIR, whether a server runs on it or not. A running
// server is asked over its socket, since it holds PGlite; otherwise this process takes DATA_DIR's lock, so that no
// server starts meanwhile, opens PGlite as a server would (without migrating it), and writes the backup itself.
import { resolve } from 'node:path';
import type { Database } from '../config.ts';
import { lockDataDir } from '../data-dir-lock.ts';
import { RemotePglite } from '../database/pglite/remote.ts';
import { holdsCluster } from '../database/pglite/template.ts';
import type { Logger } from '../logger.ts';
import { askServerForBackup } from './backup-socket.ts';
import { embeddedDataDir } from './restore.ts';
import { type BackupWritten, writeBackup } from './write-backup.ts';

export type BackupTaken = BackupWritten & { by: 'the running server' | 'this process' };

export async function backUpDataDir(
  dataDir: string,
  database: Database,
  target: string,
  log: Logger,
): Promise<BackupTaken> {
  const pgliteDir = embeddedDataDir(database);
  const file = resolve(target);
  const fromServer = await askServerForBackup(dataDir, file);
  if (fromServer) return { ...fromServer, by: 'the running server' };
  // No server answers: the lock tells a stopped one from a live one that cannot be asked.
  const lock = await lockDataDir(dataDir);
  try {
    if (!holdsCluster(pgliteDir)) throw new Error(`${pgliteDir} holds no database to back up`);
    // One dump gains nothing from the optimising compiler, and its start transient would not fit beside a small box's
    // other work.
    const pglite = await RemotePglite.open({ dataDir: pgliteDir, log, wasmCompiler: 'baseline' });
    try {
      return { ...(await writeBackup((path) => pglite.dump(path, 0), file)), by: 'this process' };
    } finally {
      await pglite.close();
    }
  } finally {
    await lock.release();
  }
}
