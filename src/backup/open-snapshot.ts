// Opens a backup in a PGlite process of its own, on a folder of its own: PGlite reads the whole snapshot into memory
// to unpack it, and a process of its own gives that memory back when it ends.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHILD_ENV, servingFlags } from '../database/pglite/remote.ts';
import type { SnapshotAnswer } from './snapshot-child.ts';

const CHILD_PATH = fileURLToPath(new URL('./snapshot-child.ts', import.meta.url));

/**
 * Unpacks the backup `file` into the new folder `dataDir` and opens it there, which replays nothing when the backup
 * was a clean snapshot and finds a damaged one out; answers how many tables it holds. The baseline compiler only, as
 * on a small box: opening once gains nothing from the optimising compiler's 500 MB transient.
 */
export function openSnapshot(file: string, dataDir: string): Promise<{ tables: number }> {
  const child = fork(CHILD_PATH, [file, dataDir], {
    execArgv: servingFlags('baseline'),
    env: { ...process.env, ...CHILD_ENV },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`the backup could not be opened: its process exited (${signal ?? code})`)),
    );
    child.once('message', (answer: SnapshotAnswer) => {
      if ('tables' in answer) resolve(answer);
      else reject(new Error(`the backup could not be opened: ${answer.failed.message}`));
    });
  });
}
