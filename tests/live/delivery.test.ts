// Live events under concurrency (see the README's "Live views"): with 50 concurrent writers on two instances, every
// subscriber, whether it stays or drops and resumes at random moments, receives every event of its family exactly
// once and in commit order; a resume from before the retention is refused rather than served with a gap. On
// PostgreSQL, where several instances and real concurrency exist.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { onboard } from '../support/aurora.ts';
import { onPostgres } from '../support/database.ts';
import { collect, liveClient } from '../support/live.ts';
import { request, startTestServer, useTwoInstances, type TestServer } from '../support/server.ts';

interface Delivered {
  id: string;
  type: string;
  data: { to?: { id: string; balance: string } };
}

/**
 * A subscriber that drops its socket at random moments and resubscribes from the last id it received, as a client
 * on a bad connection does. `received` is everything it got, in order.
 */
function restlessSubscriber(servers: TestServer[], startAfter: string) {
  const received: Delivered[] = [];
  let stopped = false;
  let current: ReturnType<typeof liveClient> | null = null;
  const running = (async () => {
    for (let round = 0; !stopped; round++) {
      current = liveClient(servers[round % servers.length]!);
      const lastEventId = received.at(-1)?.id ?? startAfter;
      current.trpc.aurora.live.events.subscribe(
        { lastEventId },
        { onData: ({ data }) => received.push(data as Delivered) },
      );
      await sleep(50 + Math.random() * 300);
      current.close();
    }
  })();
  return {
    received,
    /** Stays subscribed, on the first server, until it has `count` events or the time is up. */
    async settle(count: number) {
      stopped = true;
      await running;
      current = liveClient(servers[0]!);
      current.trpc.aurora.live.events.subscribe(
        { lastEventId: received.at(-1)?.id ?? startAfter },
        { onData: ({ data }) => received.push(data as Delivered) },
      );
      for (let waited = 0; received.length < count && waited < 20_000; waited += 100) await sleep(100);
      current.close();
    },
  };
}

describe.skipIf(!onPostgres)('50 concurrent writers on two instances', () => {
  const instances = useTwoInstances();

  it('reach every subscriber, steady or restless, exactly once each and in commit order', async () => {
    const { first, second } = instances;
    const servers = [first, second];
    const [payer, payee] = [await onboard(first, { balance: '100000' }), await onboard(first, { balance: '0' })];
    const [{ head }] = (await first.sql<{ head: string }>(
      "select coalesce(max(id), 0)::text as head from live_events where family = 'aurora'",
    )) as [{ head: string }];

    const steady = servers.map((server) => {
      const received: Delivered[] = [];
      const client = liveClient(server);
      client.trpc.aurora.live.events.subscribe(undefined, { onData: ({ data }) => received.push(data as Delivered) });
      return { client, received };
    });
    const restless = Array.from({ length: 4 }, () => restlessSubscriber(servers, head));
    await sleep(500);

    // Each writer alternates instances; transfers to one payee queue on its row, quests do not conflict at all.
    const writers = Array.from({ length: 50 }, async (_, writer) => {
      for (let i = 0; i < 8; i++) {
        const server = servers[(writer + i) % 2]!;
        const response =
          i % 2 === 0
            ? await request(server, 'POST', '/api/economy/transfer', {
                json: { fromUserId: payer, toUserId: payee, amount: '1' },
              })
            : await request(server, 'POST', '/api/quests', {
                json: { name: `w${writer}-${i}`, triggerEvent: 'delivery', target: 1 },
              });
        expect([200, 201]).toContain(response.status);
      }
    });
    await Promise.all(writers);

    const committed = (
      await first.sql<{ id: string }>(
        "select id::text as id from live_events where family = 'aurora' and id > ? order by live_events.id",
        [head],
      )
    ).map((row) => row.id);
    expect(committed).toHaveLength(400);
    for (const subscriber of restless) await subscriber.settle(committed.length);
    for (
      let waited = 0;
      steady.some(({ received }) => received.length < committed.length) && waited < 20_000;
      waited += 100
    )
      await sleep(100);
    for (const { client } of steady) client.close();

    for (const { received } of [...steady, ...restless]) {
      expect(received.map((event) => event.id)).toEqual(committed);
      // Transfers to one payee commit one after another: in commit order its balance rises by one each time.
      const balances = received
        .filter((event) => event.type === 'economy.transfer')
        .map((event) => Number(event.data.to!.balance));
      expect(balances).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    }
  }, 120_000);
});

describe.skipIf(!onPostgres)('a resume from before the retention', () => {
  const hour = (hours: number) => () => new Date(Date.UTC(2030, 0, 1, hours));

  it('is refused with events_expired, so the client reloads; a resume from the newest removed event loses nothing', async () => {
    const first = await startTestServer({ clock: hour(0) });
    try {
      const quest = (server: TestServer, name: string) =>
        request(server, 'POST', '/api/quests', { json: { name, triggerEvent: 'retention', target: 1 } });
      await quest(first, 'old 1');
      await quest(first, 'old 2');
      const [oldest, newest] = (
        await first.sql<{ id: string }>('select id::text as id from live_events order by live_events.id')
      ).map((row) => row.id);
      // Two hours on, the second instance's start removes both.
      const second = await startTestServer({ databaseUrl: first.databaseUrl, clock: hour(2) });
      try {
        expect(await second.sql('select id from live_events')).toEqual([]);
        const client = liveClient(second);
        try {
          const expired = collect(
            (handlers) => client.trpc.aurora.live.events.subscribe({ lastEventId: oldest! }, handlers),
            1,
          );
          await expect(expired).rejects.toMatchObject({
            message: 'lastEventId is older than the events kept',
            data: {
              appCode: 'events_expired',
              details: null,
              explanation: 'events are kept for 60 minutes; reload the state, then subscribe without lastEventId',
            },
          });
          const resumed = collect<{ data: { type: string } }>(
            (handlers) => client.trpc.aurora.live.events.subscribe({ lastEventId: newest! }, handlers),
            1,
          );
          await resumed.started;
          await quest(second, 'new');
          expect((await resumed).map((event) => event.data.type)).toEqual(['quests.create']);
        } finally {
          client.close();
        }
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});
