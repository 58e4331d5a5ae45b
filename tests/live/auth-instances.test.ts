// Live views with credentials configured, across two server instances on one PostgreSQL, and for rolled-back changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../support/database.ts';
import { collect, liveClient } from '../support/live.ts';
import {
  API_KEY,
  request,
  startTestServer,
  useTwoInstances,
  type TestServer,
  useTestServer,
} from '../support/server.ts';

const TOKEN = 'live-admin-token-xyz';

describe('a socket without credentials gets nothing when an admin token is configured', () => {
  const server = useTestServer({ env: { SECURITY__ADMIN_TOKEN: TOKEN } });

  it('refuses aurora subscriptions without the token, or with the HubGW key, and serves them with it', async () => {
    const attempts: (Record<string, string> | undefined)[] = [undefined, { token: 'wrong' }, { apiKey: API_KEY }];
    for (const params of attempts) {
      const client = liveClient(server, params);
      try {
        await expect(
          collect((handlers) => client.trpc.aurora.live.stats.subscribe(undefined, handlers), 1, 3000),
        ).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
      } finally {
        client.close();
      }
    }
    const client = liveClient(server, { token: TOKEN });
    try {
      const [snapshot] = await collect<any>(
        (handlers) => client.trpc.aurora.live.stats.subscribe(undefined, handlers),
        1,
      );
      expect(snapshot).toMatchObject({
        totalUsers: 0,
        openCases: 0,
        maintenanceMode: false,
        timestamp: expect.any(String),
      });
    } finally {
      client.close();
    }
  });
});

describe('rolled-back changes', () => {
  const server = useTestServer();

  it('a user update that fails after its first write publishes nothing and leaves nothing', async () => {
    const id = '700000000000000001';
    await request(server, 'POST', '/api/users', { json: { id, username: 'Stable', balance: '10' } });
    const client = liveClient(server);
    try {
      const received = collect<any>((handlers) => client.trpc.aurora.live.events.subscribe(undefined, handlers), 1);
      await received.started;
      // The update that would change the balance fails on the class's foreign key, so its transaction rolls back.
      const failed = await request(server, 'PUT', `/api/users/${id}`, { json: { balance: '999', classId: 'missing' } });
      expect(failed.status).toBe(400);
      await request(server, 'POST', '/api/quests', { json: { name: 'After', triggerEvent: 'x', target: 1 } });
      const [event] = await received;
      expect(event.data.type).toBe('quests.create');
      expect((await request(server, 'GET', `/api/users/${id}`)).body.balance).toBe('10');
      expect((await request(server, 'GET', `/api/transactions?userId=${id}`)).body.total).toBe(0);
    } finally {
      client.close();
    }
  });
});

describe.skipIf(!onPostgres)('two instances on one PostgreSQL', () => {
  const servers = useTwoInstances();

  it('50 concurrent changes all reach a subscriber, though they commit and announce out of id order', async () => {
    const client = liveClient(servers.second);
    try {
      const received = collect<any>((handlers) => client.trpc.aurora.live.events.subscribe(undefined, handlers), 50);
      await received.started;
      const writes = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          request(servers.first, 'POST', '/api/quests', { json: { name: `burst ${i}`, triggerEvent: 'x', target: 1 } }),
        ),
      );
      expect(writes.every((res) => res.status === 201)).toBe(true);
      const events = await received;
      expect(new Set(events.map((event) => event.data.data.data.name)).size).toBe(50);
    } finally {
      client.close();
    }
  });

  it('a change on one instance reaches subscribers of both', async () => {
    const onFirst = liveClient(servers.first);
    const onSecond = liveClient(servers.second);
    try {
      const fromFirst = collect<any>((handlers) => onFirst.trpc.aurora.live.events.subscribe(undefined, handlers), 1);
      const fromSecond = collect<any>((handlers) => onSecond.trpc.aurora.live.events.subscribe(undefined, handlers), 1);
      await fromFirst.started;
      await fromSecond.started;
      await request(servers.first, 'POST', '/api/classes', { json: { id: 'shared', name: 'Shared' } });
      const [[a], [b]] = await Promise.all([fromFirst, fromSecond]);
      expect(a.data).toMatchObject({ type: 'classes.create', data: { class: { id: 'shared' } } });
      expect(b).toEqual(a);
    } finally {
      onFirst.close();
      onSecond.close();
    }
  });
});

describe.skipIf(!onPostgres)('the listener after its connection is lost', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const listeners = `select pid from pg_stat_activity where datname = current_database() and application_name = 'game-backend live events'`;

  it('reconnects and delivers events again', async () => {
    // Ends the LISTEN connection, as a database restart would, and waits for its successor.
    const [ended] = await server.sql<{ pid: number }>(
      `select pid, pg_terminate_backend(pid) from (${listeners}) as listener`,
    );
    await expect
      .poll(async () => (await server.sql<{ pid: number }>(listeners)).map((row) => row.pid !== ended!.pid), {
        timeout: 5000,
      })
      .toEqual([true]);
    const client = liveClient(server);
    try {
      const received = collect<any>((handlers) => client.trpc.aurora.live.events.subscribe(undefined, handlers), 1);
      await received.started;
      await request(server, 'POST', '/api/quests', { json: { name: 'After restart', triggerEvent: 'x', target: 1 } });
      const [event] = await received;
      expect(event.data.data.data.name).toBe('After restart');
    } finally {
      client.close();
    }
  });

  it('delivers, once it is back, an event another instance committed while it was down', async () => {
    const client = liveClient(server);
    try {
      const received = collect<any>((handlers) => client.trpc.aurora.live.events.subscribe(undefined, handlers), 1);
      await received.started;
      // One statement ends the listener and commits another instance's event, whose NOTIFY nobody here hears.
      await server.sql(
        `with ended as (select pg_terminate_backend(pid) from (${listeners}) as listener),
              stored as (insert into live_events (family, type, data, created_at) select 'aurora', 'quests.create', '{"from":"elsewhere"}', now() from ended)
         select pg_notify('live_events', 'events:aurora')`,
      );
      const [event] = await received;
      expect(event.data).toMatchObject({ type: 'quests.create', data: { from: 'elsewhere' } });
    } finally {
      client.close();
    }
  });
});
