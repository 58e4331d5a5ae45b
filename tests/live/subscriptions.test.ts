// Live views over real WebSocket connections: stats, change events with resume, auth, and the socket limits.
import { describe, expect, it } from 'vitest';
import { collect, liveClient } from '../support/live.ts';
import { API_KEY, hubgw, request, useTestServer } from '../support/server.ts';

const server = useTestServer({ env: { LIVE_STATS_INTERVAL_MS: '200', WS_IDLE_TIMEOUT_MS: '600' } });

type LiveEvent = { id: string; data: { id: string; type: string; timestamp: string; data?: any } };

describe('aurora.live.stats', () => {
  it('sends a snapshot at once and another after the interval', async () => {
    const client = liveClient(server);
    try {
      const snapshots = await collect<any>(
        (handlers) => client.trpc.aurora.live.stats.subscribe(undefined, handlers),
        2,
      );
      expect(snapshots[0]).toMatchObject({
        totalUsers: expect.any(Number),
        liveConnections: 1,
        maintenanceMode: false,
      });
      expect(Date.parse(snapshots[1].timestamp)).toBeGreaterThan(Date.parse(snapshots[0].timestamp));
    } finally {
      client.close();
    }
  });
});

describe('aurora.live.events', () => {
  it('delivers a change made over REST, with a tracked id; a refused change sends nothing', async () => {
    const client = liveClient(server);
    try {
      const received = collect<LiveEvent>(
        (handlers) => client.trpc.aurora.live.events.subscribe(undefined, handlers),
        1,
      );
      await received.started;
      await request(server, 'POST', '/api/classes', { json: { id: 'dup', name: 'Dup' } });
      const refused = await request(server, 'POST', '/api/classes', { json: { id: 'dup', name: 'Dup again' } });
      expect(refused.status).toBe(409);
      const [event] = await received;
      expect(event!.data).toEqual({
        id: event!.id,
        type: 'classes.create',
        timestamp: expect.stringMatching(/Z$/),
        data: { success: true, class: { id: 'dup', name: 'Dup', balance: '0', roleId: null } },
      });
    } finally {
      client.close();
    }
  });

  it('starts a subscription without lastEventId after every acknowledged change, even one its feed has not read yet', async () => {
    // The feed reads a commit a moment after the response; a subscribe that lands in that moment starts from the
    // database's newest event, so the first thing it receives is what commits after it started.
    const client = liveClient(server);
    try {
      for (let round = 0; round < 15; round++) {
        await Promise.all(
          Array.from({ length: 8 }, (_, n) =>
            request(server, 'POST', '/api/quests', {
              json: { name: `Earlier ${round}.${n}`, triggerEvent: 'x', target: 1 },
            }),
          ),
        );
        const received = collect<LiveEvent>(
          (handlers) => client.trpc.aurora.live.events.subscribe(undefined, handlers),
          1,
        );
        await received.started;
        await request(server, 'POST', '/api/quests', {
          json: { name: `After ${round}`, triggerEvent: 'x', target: 1 },
        });
        const [event] = await received;
        expect(event!.data.data.data.name).toBe(`After ${round}`);
      }
    } finally {
      client.close();
    }
  });

  it('resumes after a reconnect from lastEventId with what was missed', async () => {
    const first = liveClient(server);
    const seen = collect<LiveEvent>((handlers) => first.trpc.aurora.live.events.subscribe(undefined, handlers), 1);
    await seen.started;
    await request(server, 'POST', '/api/quests', { json: { name: 'Before', triggerEvent: 'x', target: 1 } });
    const [last] = await seen;
    first.close();

    await request(server, 'POST', '/api/quests', { json: { name: 'Missed 1', triggerEvent: 'x', target: 1 } });
    await request(server, 'POST', '/api/quests', { json: { name: 'Missed 2', triggerEvent: 'x', target: 1 } });

    const second = liveClient(server);
    try {
      const missed = await collect<LiveEvent>(
        (handlers) => second.trpc.aurora.live.events.subscribe({ lastEventId: last!.id }, handlers),
        2,
      );
      expect(missed.map((event) => event.data.data.data.name)).toEqual(['Missed 1', 'Missed 2']);
      expect(BigInt(missed[0]!.id)).toBeGreaterThan(BigInt(last!.id));
    } finally {
      second.close();
    }
  });
});

describe('hubgw.live.events', () => {
  it('tells a game server of a ban at once; homes, and reads the document makes POSTs, are not announced', async () => {
    const client = liveClient(server, { apiKey: API_KEY });
    try {
      const received = collect<LiveEvent>(
        (handlers) => client.trpc.hubgw.live.events.subscribe(undefined, handlers),
        1,
      );
      await received.started;
      await hubgw(server, 'PUT', '/homes/', {
        json: { player_uuid: crypto.randomUUID(), name: 'h', world: 'w', x: 0, y: 0, z: 0 },
      });
      expect((await hubgw(server, 'POST', '/warps/list', { json: {} })).status).toBe(200);
      expect((await hubgw(server, 'POST', '/punishments/query', { json: {} })).status).toBe(200);
      expect((await hubgw(server, 'POST', '/whitelist/check', { json: { player_name: 'Nobody' } })).status).toBe(200);
      const player = crypto.randomUUID();
      await hubgw(server, 'POST', '/punishments/', {
        json: { player_uuid: player, player_name: 'Bad', punishment_type: 'ban', reason: 'x' },
      });
      const [event] = await received;
      expect(event!.data).toMatchObject({
        type: 'punishments.create',
        data: { player_uuid: player, punishment_type: 'ban', is_active: true },
      });
      expect(
        await server.sql(
          `select type from live_events where family = 'hubgw' and type in ('warps.list', 'punishments.query', 'whitelist.check')`,
        ),
      ).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('gives a socket without the API key nothing', async () => {
    const client = liveClient(server);
    try {
      await expect(
        collect((handlers) => client.trpc.hubgw.live.events.subscribe(undefined, handlers), 1, 3000),
      ).rejects.toMatchObject({
        data: { code: 'UNAUTHORIZED' },
      });
    } finally {
      client.close();
    }
  });
});

describe('socket limits', () => {
  const wsUrl = () => `${server.url.replace('http', 'ws')}/ws`;
  const opened = (socket: WebSocket) =>
    new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve();
      socket.onerror = () => reject(new Error('refused'));
    });
  const closed = (socket: WebSocket) =>
    new Promise<number>((resolve) => (socket.onclose = (event) => resolve(event.code)));

  it('closes a socket that sends a message over 16 KB with 1009', async () => {
    const socket = new WebSocket(wsUrl());
    await opened(socket);
    const code = closed(socket);
    socket.send('x'.repeat(16 * 1024 + 1));
    expect(await code).toBe(1009);
  });

  it('drops a client that stays silent past the idle timeout', async () => {
    const socket = new WebSocket(wsUrl());
    await opened(socket);
    expect([4408, 1006, 1005]).toContain(await closed(socket));
  });

  it('refuses the 11th connection before the handshake', async () => {
    const sockets = Array.from({ length: 10 }, () => new WebSocket(wsUrl()));
    try {
      await Promise.all(sockets.map(opened));
      await expect(opened(new WebSocket(wsUrl()))).rejects.toThrow('refused');
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});

describe('a resume id past the newest event', () => {
  const subscribers = (client: ReturnType<typeof liveClient>, lastEventId: string) => ({
    aurora: collect((handlers) => client.trpc.aurora.live.events.subscribe({ lastEventId }, handlers), 1, 3000),
    hubgw: collect((handlers) => client.trpc.hubgw.live.events.subscribe({ lastEventId }, handlers), 1, 3000),
  });

  it.each(['1000000', '9223372036854775807', '9223372036854775808'])(
    '%s is refused at once with events_ahead, in both families',
    async (lastEventId) => {
      const client = liveClient(server, { apiKey: API_KEY });
      try {
        // Both are awaited together: each subscription rejects on its own, and neither may go unheard meanwhile.
        await Promise.all(
          Object.entries(subscribers(client, lastEventId)).map(([family, subscription]) =>
            expect(subscription, family).rejects.toMatchObject({
              message: 'lastEventId is ahead of the newest event',
              data: {
                code: 'PRECONDITION_FAILED',
                appCode: 'events_ahead',
                details: null,
                explanation:
                  'no event has this id yet (the data was reset or restored); reload the state, then subscribe without lastEventId',
              },
            }),
          ),
        );
      } finally {
        client.close();
      }
    },
  );

  it.each(['-1', '1.5', '1e3', 'abc', ''])('%j is not an id: BAD_REQUEST', async (lastEventId) => {
    const client = liveClient(server, { apiKey: API_KEY });
    try {
      await Promise.all(
        Object.entries(subscribers(client, lastEventId)).map(([family, subscription]) =>
          expect(subscription, family).rejects.toMatchObject({
            data: {
              code: 'BAD_REQUEST',
              appCode: 'validation_error',
              details: { issues: [{ path: 'lastEventId', message: 'must be a non-negative integer' }] },
            },
          }),
        ),
      );
    } finally {
      client.close();
    }
  });

  it('the newest event itself is a good starting point: what follows it arrives', async () => {
    await request(server, 'POST', '/api/quests', { json: { name: 'Newest', triggerEvent: 'x', target: 1 } });
    const [row] = await server.sql<{ newest: string }>(
      `select max(id)::text as newest from live_events where family = 'aurora'`,
    );
    const newest = row!.newest;
    const client = liveClient(server);
    try {
      const next = collect<LiveEvent>(
        (handlers) => client.trpc.aurora.live.events.subscribe({ lastEventId: newest }, handlers),
        1,
      );
      await next.started;
      await request(server, 'POST', '/api/quests', { json: { name: 'After', triggerEvent: 'x', target: 1 } });
      expect((await next).map((event) => event.data.data.data.name)).toEqual(['After']);
    } finally {
      client.close();
    }
  });
});
