// Scheduled backups of the embedded database (issue 29): a server with BACKUP_DIR writes one every
// BACKUP_INTERVAL_HOURS and keeps the newest BACKUP_KEEP, and the newest restores to the data written before it; one
// that cannot be written is logged and the next is tried, and one that would leave less than DATA_DIR_MIN_FREE_MB
// free is skipped with a warning. Through all of it the server keeps answering.
import { statfsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBackupScript, startOnDisk, stopServer } from '../support/backup.ts';
import { onPostgres } from '../support/database.ts';
import { useWorkDir } from '../support/work-dir.ts';

/** 1.8 s: a few backups within a test. */
const INTERVAL_HOURS = '0.0005';
const WRITTEN = 'scheduled backup written';
const FAILED = 'scheduled backup failed; the next one is tried in its time';
const SKIPPED = 'scheduled backup skipped: it would leave less free space than DATA_DIR_MIN_FREE_MB';

const userId = (n: number) => String(720_000_000_000_000_000n + BigInt(n));

async function createUser(url: string, n: number): Promise<void> {
  const res = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: userId(n), username: `scheduled${n}`, balance: String(n) }),
  });
  expect(res.status, await res.text()).toBe(201);
}

async function status(url: string, path: string): Promise<number> {
  const res = await fetch(`${url}${path}`);
  await res.arrayBuffer();
  return res.status;
}

/** The finished backups in `dir`, oldest first (a backup under way has a temporary name beginning with a dot). */
async function backupsIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('backup-')).sort();
}

describe.skipIf(onPostgres)('scheduled backups of the embedded database', () => {
  const work = useWorkDir('scheduled-backups');

  it('writes one every interval, keeps the newest BACKUP_KEEP, and the newest restores to the data before it', async () => {
    const keep = 2;
    const backupDir = join(work.path, 'kept');
    const { server, url: listening } = startOnDisk(join(work.path, 'kept-data'), {
      BACKUP_DIR: backupDir,
      BACKUP_INTERVAL_HOURS: INTERVAL_HOURS,
      BACKUP_KEEP: String(keep),
    });
    const url = await listening;
    // User n is written once n backups are logged: backup n + 2 started after it was acknowledged, so holds it.
    await createUser(url, 0);
    let written: Record<string, unknown>[] = [];
    for (let n = 1; n <= keep + 1; n++) {
      written = await server.waitForLogs(WRITTEN, n, 60_000);
      await createUser(url, n);
    }
    const files = written.map((line) => basename(line.file as string));
    expect(await backupsIn(backupDir)).toEqual(files.slice(-keep));
    await stopServer(server);

    const restoredDir = join(work.path, 'restored-data');
    const restore = await runBackupScript('restore', restoredDir, join(backupDir, files.at(-1)!)).done;
    expect(restore, restore.stderr).toMatchObject({ code: 0, signal: null });
    const restored = startOnDisk(restoredDir);
    const restoredUrl = await restored.url;
    for (let n = 0; n <= keep - 1; n++) expect(await status(restoredUrl, `/api/users/${userId(n)}`)).toBe(200);
    // Written after the newest backup was logged: not in it.
    expect(await status(restoredUrl, `/api/users/${userId(keep + 1)}`)).toBe(404);
    await stopServer(restored.server);
  }, 120_000);

  it('a backup that cannot be written is logged, the server keeps answering, and one succeeds once the cause is gone', async () => {
    // BACKUP_DIR under a regular file: no folder can be made there until the file is removed.
    const blocker = join(work.path, 'blocker');
    await writeFile(blocker, 'not a folder');
    const backupDir = join(blocker, 'backups');
    const { server, url: listening } = startOnDisk(join(work.path, 'failing-data'), {
      BACKUP_DIR: backupDir,
      BACKUP_INTERVAL_HOURS: INTERVAL_HOURS,
    });
    const url = await listening;
    const failed = await server.waitForLogs(FAILED, 2, 60_000);
    expect(failed[0]!.err).toMatchObject({ code: 'ENOTDIR' });
    expect(await status(url, '/readyz')).toBe(200);
    await createUser(url, 100);

    await rm(blocker);
    const [written] = await server.waitForLogs(WRITTEN, 1, 60_000);
    expect(await backupsIn(backupDir)).toEqual([basename(written!.file as string)]);
    expect(await status(url, `/api/users/${userId(100)}`)).toBe(200);
    await stopServer(server);
  }, 120_000);

  it('a backup that would leave less than DATA_DIR_MIN_FREE_MB free is skipped with a warning and writes nothing', async () => {
    const backupDir = join(work.path, 'no-room');
    await mkdir(backupDir);
    // More than the disk has free: every backup lacks room (and writes are refused, while reads are served).
    const { bavail, bsize } = statfsSync(work.path);
    const minFreeMb = Math.ceil((bavail * bsize) / 1024 ** 2) + 1024;
    const { server, url: listening } = startOnDisk(join(work.path, 'no-room-data'), {
      BACKUP_DIR: backupDir,
      BACKUP_INTERVAL_HOURS: INTERVAL_HOURS,
      DATA_DIR_MIN_FREE_MB: String(minFreeMb),
    });
    const url = await listening;
    const skipped = await server.waitForLogs(SKIPPED, 2, 60_000);
    expect(skipped[0]).toMatchObject({ level: 40, dir: backupDir });
    expect(await readdir(backupDir)).toEqual([]);
    expect(server.logs.filter((line) => line.msg === WRITTEN || line.msg === FAILED)).toEqual([]);
    expect(await status(url, '/readyz')).toBe(200);
    expect(await status(url, `/api/users/${userId(200)}`)).toBe(404);
    await stopServer(server);
  }, 120_000);
});
