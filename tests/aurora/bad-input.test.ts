// A sweep of hostile input over every Aurora body route: always a 4xx {error, details}, never a 500, never a write.
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, discordId } from '../support/aurora.ts';
import { request, useTestServer } from '../support/server.ts';

const USER = discordId();

/** Every Aurora route that takes a JSON body, with a body the document would accept (for a user and item 1 that exist). */
const BODY_ROUTES: [method: string, path: string, body: Record<string, unknown>][] = [
  [
    'POST',
    '/api/items',
    {
      name: 'Sword',
      description: 'd',
      type: 'WEAPON',
      rarity: 'R',
      price: '10',
      iconUrl: '/x',
      imageUrl: '/x',
      usageData: {},
    },
  ],
  ['PUT', '/api/items/1', { name: 'Sword', description: 'd', type: 'WEAPON', rarity: 'R', price: '10' }],
  ['POST', '/api/users', { id: '555', username: 'u', balance: '1', xp: '1', level: 1, settings: {} }],
  [
    'PUT',
    `/api/users/${USER}`,
    { username: 'u', balance: '1', xp: '1', level: 1, dailyStreak: 1, isActive: true, settings: {} },
  ],
  ['POST', `/api/users/${USER}/inventory`, { itemId: 1, quantity: '1' }],
  ['POST', '/api/classes', { id: '7', name: 'Rogue', balance: '0', roleId: '1' }],
  ['PUT', '/api/classes/7', { name: 'Rogue', balance: '0', roleId: '1' }],
  [
    'POST',
    '/api/moderation',
    { type: 'warn', userId: '1', username: 'u', moderatorId: '2', moderatorName: 'm', reason: 'r', metadata: {} },
  ],
  ['PUT', '/api/moderation/CASE-0001/clear', { clearedBy: '2', clearedByName: 'm', reason: 'r' }],
  [
    'POST',
    '/api/quests',
    { name: 'q', description: 'd', triggerEvent: 'login', target: 1, xpReward: 1, balanceReward: 1 },
  ],
  ['PUT', '/api/quests/1', { name: 'q', triggerEvent: 'login', target: 1, xpReward: 1, balanceReward: 1 }],
  ['POST', '/api/actions/maintenance-mode', { enabled: true, reason: 'r' }],
  ['PUT', '/api/settings/meta', { roles: [], channels: [], commands: [] }],
];

/** Fields that hold numbers in strings (bigints, Discord ids): a negative or over-long number is bad there. */
const NUMERIC_STRINGS = new Set(['price', 'balance', 'xp', 'quantity', 'userId', 'moderatorId', 'clearedBy', 'roleId']);

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'NaN';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  return 42;
}

const server = useTestServer();
let snapshot: () => Promise<string>;
let before: string;

beforeAll(async () => {
  await createUser(server, { id: USER, username: 'Target', balance: '50' });
  await request(server, 'POST', '/api/items', { json: { name: 'Existing', type: 'MISC', rarity: 'C' } });
  const tables = (
    await server.sql<{ name: string }>(
      `select 'aurora.' || table_name as name from information_schema.tables where table_schema = 'aurora' order by 1`,
    )
  ).map((row) => row.name);
  snapshot = async () =>
    JSON.stringify(await Promise.all(tables.map((table) => server.sql(`select * from ${table} order by 1`))));
  before = await snapshot();
});

describe.each(BODY_ROUTES)('%s %s', (method, path, valid) => {
  it.each(Object.keys(valid))('answers 4xx {error, details} given a bad "%s"', async (field) => {
    const value = valid[field];
    const bad = [
      wrongType(value),
      ...(typeof value === 'string' ? ['a\u0000b', 'x'.repeat(100_000)] : []),
      ...(NUMERIC_STRINGS.has(field) ? ['-1', '999999999999999999999', '1.5', ' 1'] : []),
    ];
    for (const badValue of bad) {
      const res = await request(server, method, path, { json: { ...valid, [field]: badValue } });
      expect(res.status, `${field}=${String(badValue).slice(0, 24)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${field}=${String(badValue).slice(0, 24)}`).toBeLessThan(500);
      expect(typeof res.body.error).toBe('string');
    }
  });

  it('answers 400 to malformed or wrongly shaped JSON', async () => {
    for (const body of ['{"a":', 'null', '"text"', '[1]']) {
      const res = await request(server, method, path, { body, headers: { 'content-type': 'application/json' } });
      expect(res.status, body).toBe(400);
    }
  });
});

it('refuses hostile query parameters with 400', async () => {
  for (const path of [
    '/api/users?limit=-1',
    '/api/users?limit=1e999',
    '/api/users?offset=abc',
    '/api/users?sortBy=balance;drop%20table',
    '/api/items?rarity=%00',
    '/api/transactions?type=FREE_MONEY',
    '/api/moderation?active=maybe',
    `/api/users?search=${'x'.repeat(101)}`,
  ]) {
    const res = await request(server, 'GET', path);
    expect(res.status, path).toBe(400);
    expect(res.body).toEqual({ error: 'Validation failed', details: expect.any(String) });
  }
});

it('changed nothing through all of the above', async () => {
  expect(await snapshot()).toBe(before);
});
