// Requests as a JS dashboard sends them: cache-busters on every GET, blank form filters, `?limit=` from an empty
// field, `{}` bodies on actions, and a PUT of exactly what the GET returned. Each is read as the client means it
// (README: "What clients send is accepted").
import { beforeAll, describe, expect, it } from 'vitest';
import { createClass, createUser } from '../support/aurora.ts';
import { API_KEY, hubgw, request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock(new Date('2030-01-01T00:00:00.000Z'));

const server = useTestServer({ clock: clock.read });
beforeAll(async () => {
  await createClass(server, { id: '1', name: 'Warrior', balance: '5000' });
  await createUser(server, {
    id: '123456789012345678',
    username: 'Player1',
    balance: '1000',
    xp: '500',
    level: 5,
    classId: '1',
  });
  await request(server, 'POST', '/api/items', {
    json: { name: 'Health Potion', description: 'Restores HP', type: 'CONSUMABLE', rarity: 'C', price: '100' },
  });
  await request(server, 'POST', '/api/quests', {
    json: {
      name: 'Collector',
      description: 'Collect items',
      triggerEvent: 'ITEM_COLLECT',
      target: 10,
      xpReward: 50,
      balanceReward: 0,
    },
  });
});

describe('routes without parameters', () => {
  const cacheBuster = `_=${Date.parse('2030-01-01T00:00:00Z')}`;

  it.each([
    ['/api/classes'],
    ['/api/quests'],
    ['/api/settings'],
    ['/api/settings/meta'],
    ['/api/stats'],
    ['/api/stats/activity'],
    ['/api/health'],
  ])('GET %s ignores a query string: the same answer as without one', async (path) => {
    const plain = await request(server, 'GET', path);
    for (const query of [cacheBuster, 'limit=10', 't=1732449600000']) {
      const busted = await request(server, 'GET', `${path}?${query}`);
      expect(busted.status, `${path}?${query}`).toBe(200);
      if (path !== '/api/health') expect(busted.body).toEqual(plain.body);
    }
  });

  it.each([['/health/?probe=1'], ['/whitelist/?page=1'], ['/whitelist/count?_=1'], ['/kits/?_=1']])(
    'HubGW GET %s ignores its query string',
    async (path) => {
      const res = await hubgw(server, 'GET', path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual((await hubgw(server, 'GET', path.split('?')[0]!)).body);
    },
  );

  it.each([['/api/actions/clear-cache'], ['/api/actions/reload-commands']])(
    'POST %s takes a {} body, an empty one, or none',
    async (path) => {
      for (const options of [{ json: {} }, { body: '', headers: { 'content-type': 'application/json' } }, {}]) {
        const res = await request(server, 'POST', path, options);
        expect(res.status, JSON.stringify(options)).toBe(200);
        expect(res.body).toEqual({
          success: true,
          message: path.endsWith('clear-cache') ? 'Caches cleared' : 'Command reload requested',
        });
      }
    },
  );
});

describe('blank filters from a form', () => {
  it.each([
    ['/api/items', 'search=&type=&rarity='],
    ['/api/users', 'search='],
    ['/api/moderation', 'userId=&type=&active='],
    ['/api/transactions', 'userId=&type='],
  ])('GET %s?%s is the unfiltered list', async (path, blanks) => {
    const unfiltered = await request(server, 'GET', path);
    const res = await request(server, 'GET', `${path}?${blanks}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(unfiltered.body);
  });

  it('?limit=&offset= takes the defaults rather than an empty page', async () => {
    const res = await request(server, 'GET', '/api/items?limit=&offset=');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(await request(server, 'GET', '/api/items').then((plain) => plain.body));
    expect(res.body.items).toHaveLength(1);
  });
});

describe('PUT of what GET returned', () => {
  it('users: read-only fields ignored, the rest applied', async () => {
    const read = (await request(server, 'GET', '/api/users/123456789012345678')).body;
    const edited = {
      ...read,
      username: 'Player One',
      class: { id: 'ignored', name: 'ignored', balance: '0' },
      createdAt: 'ignored',
    };
    clock.advance(60);
    const res = await request(server, 'PUT', '/api/users/123456789012345678', { json: edited });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      user: { ...read, username: 'Player One', updatedAt: clock.now.toISOString() },
    });
  });

  it('items and classes: the whole GET body comes back unchanged', async () => {
    const item = (await request(server, 'GET', '/api/items/1')).body;
    const putItem = await request(server, 'PUT', '/api/items/1', { json: item });
    expect([putItem.status, putItem.body]).toEqual([200, { success: true, item }]);
    const [warrior] = (await request(server, 'GET', '/api/classes')).body.classes;
    const putClass = await request(server, 'PUT', `/api/classes/${warrior.id}`, { json: warrior });
    expect([putClass.status, putClass.body]).toEqual([200, { success: true, class: warrior }]);
  });

  it('quests: the nested requirements and rewards are applied, as GET gives them', async () => {
    const { data } = (await request(server, 'GET', '/api/quests')).body;
    const quest = data[0];
    const res = await request(server, 'PUT', `/api/quests/${quest.id}`, {
      json: { ...quest, requirements: { target: 3 }, rewards: { xp: 60, balance: 100 } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: { ...quest, requirements: { target: 3 }, rewards: { xp: 60, balance: 100 } },
    });
    expect((await request(server, 'GET', '/api/quests')).body.data[0]).toEqual(res.body.data);
  });

  it.each([
    ['/api/users/123456789012345678', '/api/users/123456789012345678', { nickname: 'x' }],
    ['/api/items/1', '/api/items/1', { colour: 'red' }],
    ['/api/classes/1', '/api/classes', { members: [] }],
    ['/api/quests/1', '/api/quests', { reward: 5 }],
  ])(
    'PUT %s with a key that is neither writable nor read answers 400 and changes nothing',
    async (path, readPath, extra) => {
      const before = (await request(server, 'GET', readPath)).body;
      const res = await request(server, 'PUT', path, { json: extra });
      expect([res.status, res.body]).toEqual([
        400,
        { error: 'Validation failed', details: `Unrecognized key: "${Object.keys(extra)[0]}"` },
      ]);
      expect((await request(server, 'GET', readPath)).body).toEqual(before);
    },
  );
});

describe('the same for HubGW over a dashboard', () => {
  it('a punishment query with blank filters from a form and the API key', async () => {
    const res = await request(server, 'POST', '/api/v1/punishments/query?page=', {
      json: {},
      headers: { 'X-API-Key': API_KEY },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ punishments: [], total: 0, page: 1, size: 20, pages: 0 });
  });
});
