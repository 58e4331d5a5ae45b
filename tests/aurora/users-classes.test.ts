// Aurora users, classes and transactions, as the Aurora API document and the README's "Aurora behaviour the document
// leaves open" describe them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createClass, createUser, discordId } from '../support/aurora.ts';
import { request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const NOW = () => clock.now.toISOString();

describe('classes', () => {
  it('POST /api/classes creates a class: 201 {success, class}', async () => {
    const res = await createClass(server, { id: '2', name: 'Mage', balance: '0', roleId: '987654321' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, class: { id: '2', name: 'Mage', balance: '0', roleId: '987654321' } });
  });

  it('refuses a duplicate id or name (any case) with 409', async () => {
    expect(await createClass(server, { id: '2', name: 'Other' })).toMatchObject({
      status: 409,
      body: { error: 'Class already exists' },
    });
    expect((await createClass(server, { id: '3', name: 'MAGE' })).status).toBe(409);
  });

  it('GET /api/classes lists them', async () => {
    await createClass(server, { id: '1', name: 'Warrior', balance: '5000', roleId: '123456789' });
    const res = await request(server, 'GET', '/api/classes');
    expect(res.status).toBe(200);
    expect(res.body.classes).toEqual(
      expect.arrayContaining([{ id: '1', name: 'Warrior', balance: '5000', roleId: '123456789' }]),
    );
  });

  it('PUT /api/classes/:id changes given fields, keeping bigints exact', async () => {
    const res = await request(server, 'PUT', '/api/classes/2', {
      json: { name: 'Updated Name', balance: '9007199254740993', roleId: '111222333' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      class: { id: '2', name: 'Updated Name', balance: '9007199254740993', roleId: '111222333' },
    });
    expect((await request(server, 'PUT', '/api/classes/404', { json: { name: 'x' } })).status).toBe(404);
  });

  it('DELETE /api/classes/:id answers 204 and its members lose their class', async () => {
    await createClass(server, { id: '9', name: 'Doomed' });
    const member = discordId();
    await createUser(server, { id: member, username: 'Member', classId: '9' });
    expect((await request(server, 'DELETE', '/api/classes/9')).status).toBe(204);
    const user = await request(server, 'GET', `/api/users/${member}`);
    expect(user.body).toMatchObject({ classId: null, class: null });
    expect(await request(server, 'DELETE', '/api/classes/9')).toMatchObject({
      status: 404,
      body: { error: 'Class not found' },
    });
  });
});

describe('users', () => {
  const id = '123456789012345678';

  it('POST /api/users onboards a user: 201 with the shape of GET /api/users/:id', async () => {
    const res = await createUser(server, {
      id,
      username: 'Player1',
      balance: '1000',
      xp: '500',
      level: 5,
      classId: '1',
    });
    expect(res.status).toBe(201);
    const user = {
      id,
      username: 'Player1',
      balance: '1000',
      xp: '500',
      level: 5,
      dailyStreak: 0,
      isActive: true,
      classId: '1',
      class: { id: '1', name: 'Warrior', balance: '5000' },
      settings: {},
      createdAt: NOW(),
      updatedAt: NOW(),
    };
    expect(res.body).toEqual({ success: true, user });
    expect((await request(server, 'GET', `/api/users/${id}`)).body).toEqual(user);
  });

  it('refuses an existing id with 409 and an unknown class with 400', async () => {
    expect(await createUser(server, { id, username: 'Again' })).toMatchObject({
      status: 409,
      body: { error: 'User already exists' },
    });
    expect(await createUser(server, { id: discordId(), username: 'x', classId: 'nope' })).toMatchObject({
      status: 400,
      body: { error: 'Unknown class', details: "no class with id 'nope'" },
    });
  });

  it('PUT /api/users/:id changes given fields and records a balance change as ADMIN_ADJUST', async () => {
    clock.advance(60);
    const res = await request(server, 'PUT', `/api/users/${id}`, {
      json: {
        username: 'NewName',
        balance: '2000',
        xp: '750',
        level: 10,
        dailyStreak: 5,
        classId: '1',
        isActive: true,
        settings: { locale: 'en' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      username: 'NewName',
      balance: '2000',
      xp: '750',
      level: 10,
      dailyStreak: 5,
      settings: { locale: 'en' },
      updatedAt: NOW(),
    });
    const transactions = await request(server, 'GET', `/api/transactions?userId=${id}`);
    expect(transactions.body).toEqual({
      transactions: [
        {
          id: expect.any(String),
          userId: id,
          relatedUserId: null,
          amount: '1000',
          type: 'ADMIN_ADJUST',
          description: 'Balance set to 2000 by an admin',
          createdAt: NOW(),
        },
      ],
      total: 1,
    });
  });

  it('keeps full precision past 2^53 and records negative adjustments', async () => {
    const big = '9223372036854775807';
    expect((await request(server, 'PUT', `/api/users/${id}`, { json: { balance: big } })).body.user.balance).toBe(big);
    await request(server, 'PUT', `/api/users/${id}`, { json: { balance: '0' } });
    const adjustments = (await request(server, 'GET', `/api/transactions?userId=${id}&type=ADMIN_ADJUST`)).body
      .transactions;
    expect(adjustments.map((t: { amount: string }) => t.amount)).toEqual(
      expect.arrayContaining(['-9223372036854775807', '9223372036854773807']),
    );
  });

  it('refuses bad values without changing anything', async () => {
    for (const json of [
      { balance: '-5' },
      { balance: '9223372036854775808' },
      { balance: 100 },
      { balance: '1e3' },
      { level: 'high' },
      { classId: 'missing' },
    ]) {
      const res = await request(server, 'PUT', `/api/users/${id}`, { json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error).toEqual(expect.any(String));
    }
    expect((await request(server, 'GET', `/api/users/${id}`)).body.balance).toBe('0');
  });

  it('answers 404 for an unknown user and 400 for an id that is not a Discord id', async () => {
    expect(await request(server, 'GET', '/api/users/42')).toMatchObject({
      status: 404,
      body: { error: 'User not found' },
    });
    expect((await request(server, 'GET', '/api/users/abc')).status).toBe(400);
    expect((await request(server, 'PUT', '/api/users/42', { json: { username: 'x' } })).status).toBe(404);
  });
});

describe('GET /api/users', () => {
  const balances = ['9007199254740993', '10', '9007199254740992', '200'];
  const ids: string[] = [];
  beforeAll(async () => {
    for (const [i, balance] of balances.entries()) {
      const id = discordId();
      ids.push(id);
      await createUser(server, { id, username: `Sorter_${i}`, balance, xp: String(i), level: 4 - i });
    }
  });

  it('sorts bigints numerically, by default balance descending', async () => {
    const res = await request(server, 'GET', '/api/users?search=sorter_');
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: { balance: string }) => u.balance)).toEqual([
      '9007199254740993',
      '9007199254740992',
      '200',
      '10',
    ]);
    expect(res.body.total).toBe(4);
  });

  it('sorts by level, xp or username in either order, and pages with limit and offset', async () => {
    const byLevel = await request(server, 'GET', '/api/users?search=SORTER&sortBy=level&sortOrder=asc');
    expect(byLevel.body.users.map((u: { level: number }) => u.level)).toEqual([1, 2, 3, 4]);
    const byName = await request(
      server,
      'GET',
      '/api/users?search=sorter&sortBy=username&sortOrder=asc&limit=2&offset=1',
    );
    expect(byName.body.users.map((u: { username: string }) => u.username)).toEqual(['Sorter_1', 'Sorter_2']);
    expect(byName.body.total).toBe(4);
  });

  it('gives the total of all users, or of a search, on every page and past the last one', async () => {
    const [counted] = await server.sql<{ count: string }>('select count(*) as count from aurora.users');
    const count = counted!.count;
    for (const offset of [0, 1, 100_000]) {
      const all = await request(server, 'GET', `/api/users?limit=2&offset=${offset}`);
      expect([all.status, all.body.total], `offset ${offset}`).toEqual([200, Number(count)]);
      const searched = await request(server, 'GET', `/api/users?search=sorter&limit=2&offset=${offset}`);
      expect([searched.status, searched.body.total], `search, offset ${offset}`).toEqual([200, 4]);
    }
    expect((await request(server, 'GET', '/api/users?offset=100000')).body.users).toEqual([]);
  });

  it("answers each call's search and page when the same kind of list comes again (one compiled query per kind)", async () => {
    const page = async (query: string) => {
      const res = await request(server, 'GET', `/api/users?sortBy=xp&sortOrder=desc&${query}`);
      return [res.status, res.body.users.map((u: { username: string }) => u.username), res.body.total];
    };
    expect(await page('search=sorter_1')).toEqual([200, ['Sorter_1'], 1]);
    expect(await page('search=sorter_2')).toEqual([200, ['Sorter_2'], 1]);
    expect(await page('search=sorter&limit=2&offset=0')).toEqual([200, ['Sorter_3', 'Sorter_2'], 4]);
    expect(await page('search=sorter&limit=2&offset=2')).toEqual([200, ['Sorter_1', 'Sorter_0'], 4]);
    expect(await page('search=sorter&limit=2&offset=4')).toEqual([200, [], 4]);
  });

  it('takes search wildcards literally', async () => {
    expect((await request(server, 'GET', '/api/users?search=%25')).body.total).toBe(0);
  });

  it('refuses bad sort, order, limit or offset with 400', async () => {
    for (const query of ['sortBy=id', 'sortOrder=up', 'limit=-1', 'limit=abc', 'offset=-3', 'offset=1.5']) {
      const res = await request(server, 'GET', `/api/users?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toEqual({ error: 'Validation failed', details: expect.any(String) });
    }
  });

  it('caps limit at 1000', async () => {
    expect((await request(server, 'GET', '/api/users?limit=100000')).status).toBe(200);
  });
});

describe('not found', () => {
  it('names the user, class or case that was looked for, in the whole body', async () => {
    const bodies = await Promise.all([
      request(server, 'GET', '/api/users/42'),
      request(server, 'PUT', '/api/classes/nope', { json: { name: 'Nobody' } }),
      request(server, 'DELETE', '/api/classes/nope'),
      request(server, 'GET', '/api/moderation/CASE-9999'),
    ]);
    expect(bodies.map(({ status, body }) => [status, body])).toEqual([
      [404, { error: 'User not found', details: "no user with id '42'" }],
      [404, { error: 'Class not found', details: "no class with id 'nope'" }],
      [404, { error: 'Class not found', details: "no class with id 'nope'" }],
      [404, { error: 'Case not found', details: 'no case with id CASE-9999' }],
    ]);
  });
});
