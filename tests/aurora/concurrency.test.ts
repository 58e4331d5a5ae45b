// Aurora invariants under parallel requests. PGlite runs one transaction at a time, so these need PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, discordId } from '../support/aurora.ts';
import { onPostgres } from '../support/database.ts';
import { request, startTestServer, type TestServer } from '../support/server.ts';

describe.skipIf(!onPostgres)('concurrency on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('50 cases created at once get 50 distinct, consecutive case ids', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(server, 'POST', '/api/moderation', {
          json: { type: 'note', userId: '1', username: 'u', moderatorId: '2', moderatorName: 'm' },
        }),
      ),
    );
    expect(results.every((res) => res.status === 201)).toBe(true);
    const ids = results.map((res) => res.body.case.caseId as string).sort();
    expect(new Set(ids).size).toBe(50);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => `CASE-${String(i + 1).padStart(4, '0')}`));
  });

  it('parallel inventory adds and removes never lose an update nor leave a row at zero or below', async () => {
    const user = discordId();
    await createUser(server, { id: user, username: 'Busy' });
    const itemId = (
      await request(server, 'POST', '/api/items', { json: { name: 'Coin', type: 'CURRENCY', rarity: 'C' } })
    ).body.item.id;
    await request(server, 'POST', `/api/users/${user}/inventory`, { json: { itemId, quantity: '100' } });

    const adds = Array.from(
      { length: 40 },
      () => () => request(server, 'POST', `/api/users/${user}/inventory`, { json: { itemId, quantity: '3' } }),
    );
    const removes = Array.from(
      { length: 40 },
      () => () => request(server, 'DELETE', `/api/users/${user}/inventory/${itemId}?amount=2`),
    );
    const results = await Promise.all([...adds, ...removes].sort(() => Math.random() - 0.5).map((send) => send()));
    expect(results.filter((res) => res.status >= 500)).toEqual([]);
    const removed = results.filter((res) => res.status === 204).length;
    const added = results.filter((res) => res.status === 201).length;
    expect(added).toBe(40);

    const [row] = await server.sql<{ quantity: string }>(
      'select quantity::text as quantity from aurora.inventory where user_id = ? and item_id = ?',
      [user, itemId],
    );
    expect(BigInt(row!.quantity)).toBe(100n + 3n * BigInt(added) - 2n * BigInt(removed));
    expect(await server.sql('select 1 from aurora.inventory where quantity <= 0')).toEqual([]);
  });

  it('draining a stack in parallel removes exactly what was held and leaves no row', async () => {
    const user = discordId();
    await createUser(server, { id: user, username: 'Drainer' });
    const itemId = (await request(server, 'POST', '/api/items', { json: { name: 'Drop', type: 'MISC', rarity: 'C' } }))
      .body.item.id;
    await request(server, 'POST', `/api/users/${user}/inventory`, { json: { itemId, quantity: '10' } });
    const results = await Promise.all(
      Array.from({ length: 25 }, () => request(server, 'DELETE', `/api/users/${user}/inventory/${itemId}`)),
    );
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((status) => status === 204)).toHaveLength(10);
    expect(statuses.filter((status) => status !== 204).every((status) => status === 404)).toBe(true);
    expect((await request(server, 'GET', `/api/users/${user}/inventory`)).body).toEqual({ inventory: [] });
  });
});

describe.skipIf(!onPostgres)('the users total on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('stays equal to the rows through 40 simultaneous creations, duplicates among them, and deletions by another client', async () => {
    const ids = Array.from({ length: 30 }, () => discordId());
    const results = await Promise.all(
      [...ids, ...ids.slice(0, 10)].map((id) => createUser(server, { id, username: `u${id.slice(-3)}` })),
    );
    expect(results.filter((res) => res.status === 201)).toHaveLength(30);
    await server.sql('delete from aurora.users where id in (?, ?)', [ids[0], ids[1]]);
    const [{ count }] = (await server.sql<{ count: string }>('select count(*)::text as count from aurora.users')) as [
      { count: string },
    ];
    expect((await request(server, 'GET', '/api/users?limit=1')).body.total).toBe(Number(count));
    expect(Number(count)).toBe(28);
  });
});
