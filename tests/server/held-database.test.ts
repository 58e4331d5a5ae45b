// A database that holds requests: a row lock kept by another client. Statements are cancelled after the statement
// timeout and answered 503, money stays consistent, and a live event announced while every pool connection waits is
// still delivered. On PostgreSQL, where another client can hold a lock.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, onboard } from '../support/aurora.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/database.ts';
import { runServerProcess, type ServerProcess } from '../support/process.ts';
import { collect, liveClient } from '../support/live.ts';
import { API_KEY, request, startTestServer, type TestServer } from '../support/server.ts';

/** A client of the same database that takes a row lock on an Aurora user and keeps it until `release`. */
async function holdUser(databaseUrl: string, userId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query('select 1 from aurora.users where id = $1 for update', [userId]);
  return {
    async release() {
      await client.query('rollback');
      await client.end();
    },
  };
}

/** Fails a request that gets no answer, instead of letting the hang run into the test's timeout. */
const ANSWER_WITHIN_MS = 8000;

describe.skipIf(!onPostgres)('a statement held by a row lock', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { DATABASE__STATEMENT_TIMEOUT_MS: '1000' } });
  });
  afterAll(() => server?.close());

  const unavailable = { error: 'The database is unavailable; try again shortly' };

  it('is cancelled after the timeout with 503, and the money is as before', async () => {
    const [held, other] = [await onboard(server, { balance: '100' }), await onboard(server, { balance: '100' })];
    const lock = await holdUser(server.databaseUrl, held);
    try {
      const call = (method: string, path: string, json: unknown) =>
        fetch(`${server.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(json),
          signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        });
      const answers = await Promise.all([
        call('PUT', `/api/users/${held}`, { balance: '500' }),
        call('POST', '/api/economy/transfer', { fromUserId: other, toUserId: held, amount: '10' }),
        call('POST', '/api/economy/daily', { userId: held }),
      ]);
      expect(answers.map((res) => res.status)).toEqual([503, 503, 503]);
      expect(await Promise.all(answers.map((res) => res.json()))).toEqual([unavailable, unavailable, unavailable]);
    } finally {
      await lock.release();
    }
    expect([await balanceOf(server, held), await balanceOf(server, other)]).toEqual(['100', '100']);
    expect(await server.sql('select 1 from aurora.transactions where user_id in (?, ?)', [held, other])).toEqual([]);
    const transfer = await request(server, 'POST', '/api/economy/transfer', {
      json: { fromUserId: other, toUserId: held, amount: '10' },
    });
    expect(transfer.status).toBe(200);
    expect([await balanceOf(server, held), await balanceOf(server, other)]).toEqual(['110', '90']);
  });
});

describe.skipIf(!onPostgres)('a live event announced while every pool connection waits', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let url: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Statements wait on the lock longer than a pool connection is waited for (3 s).
    server = runServerProcess({
      DATABASE_URL: database.url,
      SECURITY__API_KEY: API_KEY,
      DATABASE__STATEMENT_TIMEOUT_MS: '9000',
    });
    url = ((await server.waitForLog('listening')) as { url: string }).url;
  });
  afterEach(() => expect(server.child.exitCode).toBe(null));
  afterAll(async () => {
    server.child.kill('SIGKILL');
    await server.exited;
    await database.drop();
  });

  it("is still delivered, read on the listener's own connection, and the process goes on serving", async () => {
    const userId = '800000000000000001';
    const created = await fetch(`${url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: userId, username: 'Held' }),
    });
    expect(created.status).toBe(201);
    const client = liveClient({ url } as TestServer);
    const received = collect<{ data: { type: string; data?: unknown } }>(
      (handlers) => client.trpc.aurora.live.events.subscribe(undefined, handlers),
      1,
    );
    await received.started;
    const lock = await holdUser(database.url, userId);
    const waiting = Array.from({ length: 10 }, (_, i) =>
      fetch(`${url}/api/users/${userId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ balance: String(i + 1) }),
      }),
    );
    const observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    try {
      await expect
        .poll(
          async () =>
            (
              await observer.query(
                `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
              )
            ).rows[0].n,
        )
        .toBe(10);
      // What another instance's committed change sends: this instance must read the event, and no pool connection is free.
      await observer.query('begin');
      await observer.query(
        `insert into live_events (family, type, data, created_at) values ('aurora', 'quests.create', '{"from":"elsewhere"}', now())`,
      );
      await observer.query(`select pg_notify('live_events', 'events:aurora')`);
      await observer.query('commit');
      const [event] = await received;
      expect(event!.data).toMatchObject({ type: 'quests.create', data: { from: 'elsewhere' } });
    } finally {
      client.close();
      await lock.release();
      await observer.end();
    }
    expect((await Promise.all(waiting)).map((res) => res.status)).toEqual(Array(10).fill(200));
    const health = await fetch(`${url}/api/v1/health/`);
    expect(health.status).toBe(200);
  });
});
