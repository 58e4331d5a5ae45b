// The server as a process under load, stopped two ways, on PostgreSQL. SIGTERM: every request that reached it is
// answered with success, and every acknowledged write is in the database. SIGKILL mid-write, then a restart:
// balances still equal their ledgers, and every item committed with its image, of the type its URL names.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMAGES } from '../fixtures/images.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/database.ts';
import { heldRequest, runServerProcess, type ServerProcess } from '../support/process.ts';

const API_KEY = 'process-faults-key-0123';
const PLAYER = '069a79f4-44e9-4726-a5be-fca90e38aaf5';

type Outcome = { status: number } | { error: string };

async function send(url: string, init: RequestInit): Promise<Outcome> {
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return { status: res.status };
  } catch (error) {
    return { error: String((error as Error).cause ?? error) };
  }
}

describe.skipIf(!onPostgres)('the server process under load', () => {
  let database: TestDatabase;
  let dataDir: string;
  let db: pg.Client;
  const running: ServerProcess[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'process-faults-'));
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });
  afterEach(async () => {
    for (const server of running.splice(0)) server.child.kill('SIGKILL');
    await db.end();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ server: ServerProcess; url: string; port: number }> {
    const server = runServerProcess({ DATABASE_URL: database.url, DATA_DIR: dataDir, SECURITY__API_KEY: API_KEY });
    running.push(server);
    const port = Number((await server.waitForLog('listening')).port);
    return { server, url: `http://127.0.0.1:${port}`, port };
  }

  it('SIGTERM: requests in flight finish with success, and every acknowledged write is stored', async () => {
    const { server, url, port } = await start();
    const audit = (command: string) =>
      JSON.stringify({ player_uuid: PLAYER, player_name: 'Steve', command, arguments: [], server: 'survival-1' });

    const held = Array.from({ length: 10 }, (_, i) => ({
      command: `held-${i}`,
      ...heldRequest(port, 'POST', '/api/v1/audit/commands', { 'X-API-Key': API_KEY }, audit(`held-${i}`)),
    }));
    const sent: { command: string; outcome: Outcome }[] = [];
    let stop = false;
    const workers = Array.from({ length: 16 }, async (_, worker) => {
      for (let n = 0; !stop; n += 1) {
        const command = `load-${worker}-${n}`;
        const outcome = await send(`${url}/api/v1/audit/commands`, {
          method: 'POST',
          headers: { 'X-API-Key': API_KEY, 'content-type': 'application/json' },
          body: audit(command),
        });
        sent.push({ command, outcome });
        if ('error' in outcome) return;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const request of held) request.finish();
    const heldOutcomes = await Promise.all(
      held.map((request) =>
        request.answered.then((outcome) => ('status' in outcome ? { status: outcome.status } : outcome)),
      ),
    );
    stop = true;
    await Promise.all(workers);

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(heldOutcomes).toEqual(Array(10).fill({ status: 202 }));
    const answered = sent.filter(
      (entry): entry is { command: string; outcome: { status: number } } => 'status' in entry.outcome,
    );
    expect(answered.length).toBeGreaterThan(100);
    expect(answered.filter((entry) => entry.outcome.status !== 202)).toEqual([]);

    const stored = new Set(
      (await db.query<{ command: string }>('select command from hubgw.command_audit')).rows.map((row) => row.command),
    );
    const acknowledged = [...held.map((request) => request.command), ...answered.map((entry) => entry.command)];
    expect(acknowledged.filter((command) => !stored.has(command))).toEqual([]);
    const refused = sent.filter((entry) => 'error' in entry.outcome).map((entry) => entry.command);
    expect(refused.filter((command) => stored.has(command))).toEqual([]);
  });

  it('SIGKILL mid-write, then a restart: ledgers balance and no image is half-written', async () => {
    const first = await start();
    const users = Array.from({ length: 10 }, (_, i) => String(500_000_000_000_000_000n + BigInt(i)));
    for (const id of users) {
      const res = await send(`${first.url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id, username: `u${id.slice(-2)}`, balance: '1000' }),
      });
      expect(res).toEqual({ status: 201 });
    }

    let stop = false;
    let uploads = 0;
    const acknowledgedItems: string[] = [];
    const transfers = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const [from, to] = [users[Math.floor(Math.random() * 10)]!, users[Math.floor(Math.random() * 10)]!];
        if (from === to) continue;
        const body = JSON.stringify({
          fromUserId: from,
          toUserId: to,
          amount: String(1 + Math.floor(Math.random() * 200)),
        });
        if (
          'error' in
          (await send(`${first.url}/api/economy/transfer`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          }))
        )
          return;
      }
    });
    const creations = Array.from({ length: 4 }, async () => {
      while (!stop) {
        uploads += 1;
        const name = `Relic ${uploads}`;
        const form = new FormData();
        form.append('data', JSON.stringify({ name, type: 'MISC', rarity: 'R' }));
        form.append('image', new Blob([uploads % 2 ? IMAGES.png : IMAGES.webp]), 'relic');
        const outcome = await send(`${first.url}/api/items`, { method: 'POST', body: form });
        if ('error' in outcome) return;
        if (outcome.status === 201) acknowledgedItems.push(name);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    first.server.child.kill('SIGKILL');
    stop = true;
    await Promise.all([...transfers, ...creations]);
    expect(await first.server.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await start();
    expect(await send(`${second.url}/api/health`, {})).toEqual({ status: 200 });

    const ledger = await db.query<{ id: string; balance: string; ledger: string }>(
      `select u.id, u.balance::text as balance, coalesce((select sum(amount) from aurora.transactions t where t.user_id = u.id), 0)::text as ledger from aurora.users u`,
    );
    expect(ledger.rows.reduce((sum, row) => sum + BigInt(row.balance), 0n)).toBe(10_000n);
    expect(ledger.rows.filter((row) => BigInt(row.balance) - 1000n !== BigInt(row.ledger))).toEqual([]);
    const [outs, ins] = await Promise.all(
      ['TRANSFER_OUT', 'TRANSFER_IN'].map(
        async (type) => (await db.query('select 1 from aurora.transactions where type = $1', [type])).rowCount,
      ),
    );
    expect(outs).toBe(ins);
    expect(outs).toBeGreaterThan(0);

    // Every item committed with its image, of the type its URL names: the two are one transaction.
    const items = (
      await db.query<{ name: string; image_url: string | null; content_type: string | null }>(
        'select i.name, i.image_url, m.content_type from aurora.items i left join aurora.item_images m on m.item_id = i.id',
      )
    ).rows;
    expect(acknowledgedItems.length).toBeGreaterThan(0);
    expect(acknowledgedItems.filter((name) => !items.some((item) => item.name === name))).toEqual([]);
    const typeOf = { png: 'image/png', webp: 'image/webp' } as Record<string, string>;
    expect(
      items.filter(
        (item) => item.content_type === null || typeOf[item.image_url!.split('.').pop()!] !== item.content_type,
      ),
    ).toEqual([]);
  });
});
