// Backups of the embedded database (issue 29): `npm run backup` asks a running server for a snapshot while it serves
// a steady write load, `npm run restore` refuses while that server owns DATA_DIR and restores once it has stopped,
// and the next start serves the snapshot: every transfer acknowledged before the backup was asked for is there, and
// every user's balance is their starting balance plus the sum of their ledger rows.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBackupScript, startOnDisk, stopServer } from '../support/backup.ts';
import { onPostgres } from '../support/database.ts';
import { useWorkDir } from '../support/work-dir.ts';

const USERS = Array.from({ length: 8 }, (_, i) => String(700_000_000_000_000_000n + BigInt(i)));
const START_BALANCE = 1_000_000_000n;

async function post(url: string, path: string, body: unknown): Promise<number> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

async function getJson<T>(url: string, path: string): Promise<T> {
  const res = await fetch(`${url}${path}`);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Every row of the user's ledger, page by page. */
async function ledgerOf(url: string, userId: string): Promise<{ amount: string; type: string }[]> {
  const rows: { amount: string; type: string }[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await getJson<{ transactions: { amount: string; type: string }[] }>(
      url,
      `/api/transactions?userId=${userId}&limit=1000&offset=${offset}`,
    );
    rows.push(...page.transactions);
    if (page.transactions.length < 1000) return rows;
  }
}

// The embedded database's own backups: the PostgreSQL run of the suite has nothing to add (pg_dump is its backup).
describe.skipIf(onPostgres)('backups of the embedded database', () => {
  const work = useWorkDir('backup');

  it('a backup under a steady write load restores with every acknowledged transfer and the ledger balanced', async () => {
    const dataDir = join(work.path, 'data');
    const file = join(work.path, 'under-load.tar.gz');
    const first = startOnDisk(dataDir, { RATE_LIMIT__MAX: '10000000' });
    const url = await first.url;
    for (const id of USERS) {
      expect(await post(url, '/api/users', { id, username: `u${id.slice(-2)}`, balance: String(START_BALANCE) })).toBe(
        201,
      );
    }

    // Every transfer has its own amount, so the restored ledger tells which ones it holds.
    let nextAmount = 1;
    let loading = true;
    const acknowledged: number[] = [];
    const refused: number[] = [];
    const writers = Array.from({ length: 6 }, async () => {
      while (loading) {
        const amount = nextAmount++;
        const from = USERS[amount % USERS.length]!;
        const to = USERS[(amount * 3 + 1) % USERS.length]!;
        const status = await post(url, '/api/economy/transfer', {
          fromUserId: from,
          toUserId: to === from ? USERS[(amount + 1) % USERS.length] : to,
          amount: String(amount),
        });
        (status === 200 ? acknowledged : refused).push(amount);
      }
    });
    let polling = true;
    const healthAnswers: number[] = [];
    const health = (async () => {
      while (polling) {
        healthAnswers.push((await fetch(`${url}/api/health`).then((res) => res.arrayBuffer().then(() => res))).status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 1500));
    const beforeBackup = [...acknowledged];
    const backup = await runBackupScript('backup', dataDir, file).done;
    expect(backup, backup.stderr).toMatchObject({ code: 0, signal: null });
    expect(backup.stdout).toContain('backup written by the running server');
    await new Promise((resolve) => setTimeout(resolve, 500));
    loading = false;
    polling = false;
    await Promise.all([...writers, health]);

    expect(beforeBackup.length).toBeGreaterThan(20);
    expect(acknowledged.length).toBeGreaterThan(beforeBackup.length);
    expect(refused).toEqual([]);
    expect(healthAnswers.filter((status) => status !== 200)).toEqual([]);
    expect(first.server.logs.filter((line) => String(line.msg).includes('stopped answering'))).toEqual([]);
    expect((await readdir(work.path)).filter((name) => name.includes('partial'))).toEqual([]);

    // While the server owns DATA_DIR, a restore is refused and changes nothing.
    const refusedRestore = await runBackupScript('restore', dataDir, file).done;
    expect(refusedRestore.code).toBe(1);
    expect(refusedRestore.stderr).toMatch(/restore failed: DATA_DIR .* is in use by process \d+/);
    expect(await getJson<{ balance: string }>(url, `/api/users/${USERS[0]}`)).toBeDefined();
    await stopServer(first.server);

    const restored = await runBackupScript('restore', dataDir, file).done;
    expect(restored).toMatchObject({ code: 0, signal: null });

    const second = startOnDisk(dataDir, { RATE_LIMIT__MAX: '10000000' });
    const url2 = await second.url;
    const amounts = new Set<number>();
    let total = 0n;
    for (const id of USERS) {
      const { balance } = await getJson<{ balance: string }>(url2, `/api/users/${id}`);
      const ledger = await ledgerOf(url2, id);
      expect(BigInt(balance)).toBe(START_BALANCE + ledger.reduce((sum, row) => sum + BigInt(row.amount), 0n));
      for (const row of ledger) if (row.type === 'TRANSFER_IN') amounts.add(Number(row.amount));
      total += BigInt(balance);
    }
    expect(total).toBe(START_BALANCE * BigInt(USERS.length));
    expect(beforeBackup.filter((amount) => !amounts.has(amount))).toEqual([]);
    // Some transfers were acknowledged after the snapshot: the restore went back to it, not to the latest data.
    expect(amounts.size).toBeLessThan(acknowledged.length);
    await stopServer(second.server);
  }, 180_000);
});
