// On PostgreSQL the Aurora rate limit is one count for every instance on the database: requests spread over two
// instances get RATE_LIMIT__MAX answers before 429, not twice that, over REST, /trpc and /ws alike; and a database
// that cannot count leaves each instance counting alone rather than failing the requests. Clients are told apart by
// X-Forwarded-For (TRUST_PROXY=1), so each test has clients of its own.
import pg from 'pg';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { liveClient } from '../support/live.ts';
import { onPostgres } from '../support/database.ts';
import { request, type TestServer, useTwoInstances } from '../support/server.ts';

const MAX = 6;

describe.skipIf(!onPostgres)('one rate limit across two instances on one PostgreSQL', () => {
  const firstLogLines: { level: number; msg: string }[] = [];
  const firstLog = pino({ level: 'info' }, { write: (line: string) => firstLogLines.push(JSON.parse(line)) });
  const servers = useTwoInstances(
    { RATE_LIMIT__MAX: String(MAX), RATE_LIMIT__WINDOW_SECONDS: '3600', TRUST_PROXY: '1' },
    { firstLog },
  );
  const rateLimitLines = () => firstLogLines.filter((line) => line.msg.startsWith('the shared rate limit'));
  const on = (server: TestServer, client: string, path = '/api/items') =>
    request(server, 'GET', path, { headers: { 'X-Forwarded-For': client } });

  it(`answers ${MAX} requests spread over both instances before 429, not ${2 * MAX}`, async () => {
    const answers = [];
    for (let i = 0; i < 2 * MAX; i++) answers.push(await on(i % 2 ? servers.second : servers.first, '203.0.113.1'));
    expect(answers.map((res) => res.status)).toEqual([...Array(MAX).fill(200), ...Array(MAX).fill(429)]);
    // One count down across both: each answer's remaining is one less than the one before, whichever answered.
    expect(answers.slice(0, MAX).map((res) => res.headers.get('ratelimit')?.match(/remaining=(\d+)/)?.[1])).toEqual(
      Array.from({ length: MAX }, (_, i) => String(MAX - 1 - i)),
    );
    const refused = answers[MAX]!;
    expect(refused.body).toEqual({
      error: 'Too many requests',
      details: expect.stringMatching(new RegExp(`^at most ${MAX} requests per 3600 s; retry in \\d+ s$`)),
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-policy')).toBe(`${MAX};w=3600`);
    // Another client is counted apart.
    expect((await on(servers.second, '203.0.113.2')).status).toBe(200);
  });

  it('counts a burst of one client on both instances at once exactly: each place in the count told once', async () => {
    // Arriving together, the requests of one client are counted in batches (src/rate-limit-batches.ts).
    const burst = await Promise.all(
      Array.from({ length: 5 * MAX }, (_, i) => on(i % 2 ? servers.second : servers.first, '203.0.113.6')),
    );
    const answered = burst.filter((res) => res.status === 200);
    const remaining = answered.map((res) => Number(res.headers.get('ratelimit')?.match(/remaining=(\d+)/)?.[1]));
    expect(remaining.sort((a, b) => a - b)).toEqual(Array.from({ length: MAX }, (_, i) => i));
    expect(burst.filter((res) => res.status === 429)).toHaveLength(4 * MAX);
  });

  it('counts the requests that waited for one count of their client together, each told its own place', async () => {
    const client = '203.0.113.7';
    for (let i = 0; i < MAX - 2; i++) expect((await on(servers.first, client)).status).toBe(200);
    // Another transaction holds the client's count: the next count waits on its row, and the requests that arrive
    // meanwhile wait for that count, to be counted after it as one batch of nine that crosses the limit.
    const holder = new pg.Client({ connectionString: servers.first.databaseUrl });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select 1 from rate_limit_counts where key = $1 for update', [`calls:${client}`]);
    const burst = Promise.all(Array.from({ length: 10 }, () => on(servers.first, client)));
    await expect
      .poll(() =>
        servers.first.sql(
          `select 1 from pg_stat_activity where application_name = 'game-backend rate limit' and wait_event_type = 'Lock'`,
        ),
      )
      .toHaveLength(1);
    await holder.query('commit');
    await holder.end();
    const answers = await burst;
    const remaining = answers
      .filter((res) => res.status === 200)
      .map((res) => res.headers.get('ratelimit')?.match(/remaining=(\d+)/)?.[1]);
    expect(remaining.sort()).toEqual(['0', '1']);
    expect(answers.filter((res) => res.status === 429)).toHaveLength(8);
  });

  it('counts REST on one and tRPC over HTTP and WebSocket on the other as one', async () => {
    const client = '203.0.113.3';
    for (let i = 0; i < MAX / 2; i++) expect((await on(servers.first, client)).status).toBe(200);
    for (let i = 0; i < MAX / 2; i++)
      expect((await on(servers.second, client, '/trpc/aurora.stats.get')).status).toBe(200);
    const overHttp = await on(servers.second, client, '/trpc/aurora.stats.get');
    expect(overHttp.status).toBe(429);
    expect(overHttp.body.error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'rate_limited' });
    expect((await on(servers.first, client)).status).toBe(429);
  });

  it('counts calls over /ws in the same shared count', async () => {
    const socketOf = (server: TestServer) => liveClient(server);
    const first = socketOf(servers.first);
    const second = socketOf(servers.second);
    try {
      // Sockets have no X-Forwarded-For here: their client is 127.0.0.1, fresh in this test.
      for (let i = 0; i < MAX; i++) await (i % 2 ? second : first).trpc.aurora.items.list.query({});
      await expect(first.trpc.aurora.items.list.query({})).rejects.toMatchObject({
        data: { code: 'TOO_MANY_REQUESTS' },
      });
      await expect(second.trpc.aurora.items.list.query({})).rejects.toMatchObject({
        data: { code: 'TOO_MANY_REQUESTS' },
      });
    } finally {
      first.close();
      second.close();
    }
  });

  it('while the database cannot count, each instance counts alone instead of failing the request, and says so once', async () => {
    await servers.first.sql('alter table rate_limit_counts rename to rate_limit_counts_away');
    try {
      const client = '203.0.113.4';
      const statuses = [];
      for (let i = 0; i < MAX + 1; i++) statuses.push((await on(servers.first, client)).status);
      expect(statuses).toEqual([...Array(MAX).fill(200), 429]);
      expect((await on(servers.second, client)).status).toBe(200);
    } finally {
      await servers.first.sql('alter table rate_limit_counts_away rename to rate_limit_counts');
    }
    expect(rateLimitLines()).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'the shared rate limit cannot count in the database; this instance counts alone until it can',
      }),
    ]);
    expect((await on(servers.first, '203.0.113.40')).status).toBe(200);
    expect(rateLimitLines().slice(1)).toEqual([
      expect.objectContaining({ level: 30, msg: 'the shared rate limit counts in the database again' }),
    ]);
  });

  it('refuses a client already over the limit from memory, without asking the database', async () => {
    const client = '203.0.113.5';
    for (let i = 0; i < MAX; i++) expect((await on(servers.first, client)).status).toBe(200);
    expect((await on(servers.first, client)).status).toBe(429);
    // The database can no longer count: an answer from it (or from the insurance count, fresh for this client)
    // would be 200, so a 429 comes from the first instance's memory of the client being over.
    await servers.first.sql('alter table rate_limit_counts rename to rate_limit_counts_away');
    try {
      expect((await on(servers.first, client)).status).toBe(429);
      expect((await on(servers.second, client)).status).toBe(200);
    } finally {
      await servers.first.sql('alter table rate_limit_counts_away rename to rate_limit_counts');
    }
  });
});
