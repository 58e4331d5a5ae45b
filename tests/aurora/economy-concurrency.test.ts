// The economy's invariants under many parallel requests. PGlite runs one transaction at a time, so these need
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, discordId } from '../support/aurora.ts';
import { onPostgres } from '../support/database.ts';
import { request, startTestServer, type TestServer } from '../support/server.ts';

describe.skipIf(!onPostgres)('economy concurrency on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  async function newUsers(count: number, balance: string): Promise<string[]> {
    const ids = Array.from({ length: count }, () => discordId());
    for (const id of ids)
      expect((await createUser(server, { id, username: `user${id.slice(-4)}`, balance })).status).toBe(201);
    return ids;
  }

  const statusesOf = (results: { status: number }[]) => results.map((res) => res.status).sort();
  const ledgerRows = (userId: string, type: string) =>
    server.sql('select 1 from aurora.transactions where user_id = ? and type = ?', [userId, type]);

  it('50 simultaneous daily claims by one user: exactly one is paid', async () => {
    const [user] = await newUsers(1, '0');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => request(server, 'POST', '/api/economy/daily', { json: { userId: user } })),
    );
    expect(statusesOf(results)).toEqual([200, ...Array(49).fill(400)]);
    expect(
      results
        .filter((res) => res.status === 400)
        .every((res) => res.body.error === 'Daily reward already claimed today'),
    ).toBe(true);
    expect((await request(server, 'GET', `/api/users/${user}`)).body).toMatchObject({ balance: '100', dailyStreak: 1 });
    expect(await ledgerRows(user!, 'DAILY_REWARD')).toHaveLength(1);
  });

  it('200 simultaneous random transfers among 20 users keep the total, never go negative, and match the ledger', async () => {
    const users = await newUsers(20, '1000');
    const pick = () => users[Math.floor(Math.random() * users.length)]!;
    const transfers = Array.from({ length: 200 }, () => {
      const from = pick();
      let to = pick();
      while (to === from) to = pick();
      return { fromUserId: from, toUserId: to, amount: String(1 + Math.floor(Math.random() * 400)) };
    });
    const results = await Promise.all(
      transfers.map((json) => request(server, 'POST', '/api/economy/transfer', { json })),
    );
    expect(results.filter((res) => res.status !== 200 && res.body.error !== 'Insufficient funds')).toEqual([]);
    expect(results.filter((res) => res.status === 200).length).toBeGreaterThan(100);

    const rows = await server.sql<{ id: string; balance: string; ledger: string }>(
      `select u.id, u.balance::text as balance, coalesce((select sum(amount) from aurora.transactions t where t.user_id = u.id), 0)::text as ledger
       from aurora.users u where u.id in (${users.map(() => '?').join(', ')})`,
      users,
    );
    expect(rows.reduce((sum, row) => sum + BigInt(row.balance), 0n)).toBe(20_000n);
    expect(rows.filter((row) => BigInt(row.balance) < 0n)).toEqual([]);
    expect(rows.filter((row) => BigInt(row.balance) - 1000n !== BigInt(row.ledger))).toEqual([]);
  });

  it('60 simultaneous transfers back and forth between two users all go through, none lost to a deadlock', async () => {
    const [alice, bob] = await newUsers(2, '1000');
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        request(server, 'POST', '/api/economy/transfer', {
          json:
            i % 2 === 0
              ? { fromUserId: alice, toUserId: bob, amount: '7' }
              : { fromUserId: bob, toUserId: alice, amount: '7' },
        }),
      ),
    );
    expect(results.filter((res) => res.status !== 200).map((res) => [res.status, res.body])).toEqual([]);
    expect([
      (await request(server, 'GET', `/api/users/${alice}`)).body.balance,
      (await request(server, 'GET', `/api/users/${bob}`)).body.balance,
    ]).toEqual(['1000', '1000']);
    expect(await ledgerRows(alice!, 'TRANSFER_OUT')).toHaveLength(30);
  });

  it('20 simultaneous claims of one lootdrop: exactly one claimer is paid', async () => {
    const users = await newUsers(20, '0');
    const { id } = (await request(server, 'POST', '/api/lootdrops', { json: { amount: '77' } })).body.lootdrop;
    const results = await Promise.all(
      users.map((userId) => request(server, 'POST', `/api/lootdrops/${id}/claim`, { json: { userId } })),
    );
    expect(statusesOf(results)).toEqual([200, ...Array(19).fill(409)]);
    const winner = results.find((res) => res.status === 200)!.body.lootdrop.claimedBy;
    const paid = await server.sql<{ id: string }>(
      `select id from aurora.users where balance > 0 and id in (${users.map(() => '?').join(', ')})`,
      users,
    );
    expect(paid).toEqual([{ id: winner }]);
    expect(
      await server.sql('select 1 from aurora.transactions where type = ? and description = ?', [
        'LOOTDROP_CLAIM',
        `Lootdrop #${id}`,
      ]),
    ).toHaveLength(1);
  });

  it('simultaneous purchases of the last affordable item: exactly one goes through', async () => {
    const [user] = await newUsers(1, '250');
    const item = (
      await request(server, 'POST', '/api/items', {
        json: { name: 'Crown', type: 'COSMETIC', rarity: 'SSR', price: '250' },
      })
    ).body.item;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(server, 'POST', '/api/shop/buy', { json: { userId: user, itemId: item.id } }),
      ),
    );
    expect(statusesOf(results)).toEqual([200, ...Array(19).fill(400)]);
    expect((await request(server, 'GET', `/api/users/${user}`)).body.balance).toBe('0');
    expect((await request(server, 'GET', `/api/users/${user}/inventory`)).body.inventory).toEqual([
      expect.objectContaining({ quantity: '1' }),
    ]);
    expect(await ledgerRows(user!, 'SHOP_BUY')).toHaveLength(1);
  });

  it('a quest completes, and pays, exactly once under 30 simultaneous events', async () => {
    const [user] = await newUsers(1, '0');
    const quest = (
      await request(server, 'POST', '/api/quests', {
        json: { name: 'Rush', triggerEvent: 'RUSH', target: 5, xpReward: 10, balanceReward: 40 },
      })
    ).body.data;
    await request(server, 'POST', `/api/users/${user}/quests`, { json: { questId: quest.id } });
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        request(server, 'POST', '/api/quests/events', { json: { userId: user, event: 'RUSH' } }),
      ),
    );
    expect(results.every((res) => res.status === 200)).toBe(true);
    expect(results.flatMap((res) => res.body.completed)).toEqual([quest.id]);
    expect((await request(server, 'GET', `/api/users/${user}`)).body).toMatchObject({ balance: '40', xp: '10' });
    expect(await ledgerRows(user!, 'QUEST_REWARD')).toHaveLength(1);
  });

  it('simultaneous assignments never pass quests.maxActive', async () => {
    const [user] = await newUsers(1, '0');
    const quests = [];
    for (let i = 0; i < 10; i += 1)
      quests.push(
        (await request(server, 'POST', '/api/quests', { json: { name: `Q${i}`, triggerEvent: `Q${i}`, target: 1 } }))
          .body.data,
      );
    const results = await Promise.all(
      quests.map((quest) => request(server, 'POST', `/api/users/${user}/quests`, { json: { questId: quest.id } })),
    );
    expect(statusesOf(results)).toEqual([201, 201, 201, ...Array(7).fill(409)]);
    expect(await server.sql('select 1 from aurora.user_quests where user_id = ?', [user])).toHaveLength(3);
  });
});
