// A backup killed outright (issue 29): whether the process writing it is `npm run backup` itself (no server runs)
// or the server it asked, the kill leaves the data directory as it was and every earlier backup whole, and no file
// bears the new backup's name.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupScript, startOnDisk, stopServer } from '../support/backup.ts';
import { onPostgres } from '../support/database.ts';

const USER = '710000000000000001';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Resolves once the backup to `target` is being checked in its scratch folder beside it: its snapshot is written,
 * and only the check stands between it and its name.
 */
async function beingChecked(target: string): Promise<void> {
  const partial = `.${basename(target)}.partial-`;
  while (!(await readdir(dirname(target))).some((name) => name.startsWith(partial) && name.endsWith('.check'))) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function balance(url: string): Promise<string> {
  return ((await (await fetch(`${url}/api/users/${USER}`)).json()) as { balance: string }).balance;
}

describe.skipIf(onPostgres)('a backup killed outright', () => {
  let work: string;
  let dataDir: string;
  let backups: string;
  let earlier: string;
  let earlierHash: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'game-backend-backup-kill-'));
    dataDir = join(work, 'data');
    backups = join(work, 'backups');
    const { server, url } = startOnDisk(dataDir);
    const res = await fetch(`${await url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: USER, username: 'kept', balance: '4242' }),
    });
    expect(res.status).toBe(201);
    await stopServer(server);
    earlier = join(backups, 'earlier.tar.gz');
    const first = await runBackupScript('backup', dataDir, earlier).done;
    expect(first).toMatchObject({ code: 0, signal: null });
    expect(first.stdout).toContain('backup written by this process');
    earlierHash = sha256(earlier);
  }, 120_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('SIGKILL of npm run backup on a stopped server leaves the data and the earlier backup whole', async () => {
    const target = join(backups, 'killed.tar.gz');
    const run = runBackupScript('backup', dataDir, target);
    await beingChecked(target);
    run.child.kill('SIGKILL');
    expect(await run.done).toMatchObject({ code: null, signal: 'SIGKILL' });

    expect(existsSync(target)).toBe(false);
    expect(sha256(earlier)).toBe(earlierHash);
    const { server, url } = startOnDisk(dataDir);
    expect(await balance(await url)).toBe('4242');
    await stopServer(server);
  }, 120_000);

  it('SIGKILL of the server writing a backup leaves the data and the earlier backup whole', async () => {
    const target = join(backups, 'server-killed.tar.gz');
    const { server, url } = startOnDisk(dataDir);
    await url;
    const run = runBackupScript('backup', dataDir, target);
    await beingChecked(target);
    server.child.kill('SIGKILL');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const asked = await run.done;
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('backup failed');

    expect(existsSync(target)).toBe(false);
    expect(sha256(earlier)).toBe(earlierHash);
    const again = startOnDisk(dataDir);
    expect(await balance(await again.url)).toBe('4242');
    await stopServer(again.server);

    // The earlier backup still restores.
    expect(await runBackupScript('restore', dataDir, earlier).done).toMatchObject({ code: 0, signal: null });
  }, 120_000);
});
