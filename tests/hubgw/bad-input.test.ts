// A sweep of hostile input over every HubGW route: always a 4xx naming the bad field, never a 500, never a write.
import { beforeAll, describe, expect, it } from 'vitest';
import { hubgw, useTestServer } from '../support/server.ts';

const PLAYER = '069a79f4-44e9-4726-a5be-fca90e38aaf5';
const ID = '11111111-2222-4333-8444-555555555555';

/** Every HubGW route that takes a JSON body, with a body the document would accept. */
const BODY_ROUTES: [method: string, path: string, body: Record<string, unknown>][] = [
  [
    'PUT',
    '/homes/',
    {
      player_uuid: PLAYER,
      name: 'base',
      world: 'world',
      x: 1,
      y: 2,
      z: 3,
      yaw: 0,
      pitch: 0,
      is_public: false,
      max_homes: 5,
    },
  ],
  ['POST', '/homes/get', { player_uuid: PLAYER, name: 'base' }],
  [
    'PUT',
    '/kits/',
    { name: 'kit', cooldown_seconds: 10, items: [{ item: 'minecraft:apple', amount: 1 }], description: 'd' },
  ],
  ['POST', '/kits/claim', { player_uuid: PLAYER, kit_name: 'kit' }],
  ['POST', '/cooldowns/check', { player_uuid: PLAYER, cooldown_type: 'tp' }],
  ['POST', '/cooldowns/', { player_uuid: PLAYER, cooldown_type: 'tp', cooldown_seconds: 60, data: {} }],
  [
    'POST',
    '/warps/',
    {
      player_uuid: PLAYER,
      name: 'w',
      world: 'world',
      x: 1,
      y: 2,
      z: 3,
      yaw: 0,
      pitch: 0,
      is_public: true,
      description: 'd',
      max_warps: 3,
    },
  ],
  ['PATCH', '/warps/', { player_uuid: PLAYER, name: 'w', world: 'world', x: 1, is_public: false, description: 'd' }],
  ['DELETE', '/warps/', { player_uuid: PLAYER, name: 'w' }],
  ['POST', '/warps/get', { name: 'w' }],
  ['POST', '/warps/list', { name: 'w', world: 'world', is_public: true, page: 1, size: 20 }],
  [
    'POST',
    '/whitelist/add',
    {
      player_name: 'p',
      added_by: 'a',
      added_at: '2030-01-01T00:00:00Z',
      expires_at: '2031-01-01T00:00:00Z',
      is_active: true,
      reason: 'r',
    },
  ],
  ['POST', '/whitelist/remove', { player_name: 'p' }],
  ['POST', '/whitelist/check', { player_name: 'p' }],
  [
    'POST',
    '/punishments/',
    {
      player_uuid: PLAYER,
      player_name: 'p',
      player_ip: '10.0.0.1',
      punishment_type: 'ban',
      reason: 'r',
      staff_uuid: PLAYER,
      staff_name: 's',
      expires_at: '2099-01-01T00:00:00Z',
      evidence_url: 'https://e.org/x',
      notes: 'n',
    },
  ],
  ['POST', '/punishments/revoke', { punishment_id: ID, revoked_by: 's', revoked_reason: 'r' }],
  ['POST', '/punishments/query', { player_uuid: PLAYER, punishment_type: 'ban', is_active: true, page: 1, size: 20 }],
  [
    'POST',
    '/audit/commands',
    {
      player_uuid: PLAYER,
      player_name: 'p',
      command: 'c',
      arguments: ['a'],
      server: 's',
      timestamp: '2030-01-01T00:00:00Z',
    },
  ],
  ['POST', '/luckperms/players', { username: 'someone', primary_group: 'default', uuid: PLAYER }],
  [
    'POST',
    '/teleport-history/',
    {
      player_uuid: PLAYER,
      from_world: 'a',
      from_x: 1,
      from_y: 2,
      from_z: 3,
      to_world: 'b',
      to_x: 4,
      to_y: 5,
      to_z: 6,
      tp_type: 'warp',
      target_name: 't',
    },
  ],
];

/** Every HubGW route that takes path or query parameters, with a template for the bad value. */
const PATH_ROUTES: [method: string, path: (bad: string) => string, field: string][] = [
  ['GET', (bad) => `/homes/${bad}`, 'player_uuid'],
  ['GET', (bad) => `/punishments/ban/${bad}`, 'player_uuid'],
  ['GET', (bad) => `/punishments/mute/${bad}`, 'player_uuid'],
  ['GET', (bad) => `/luckperms/players/${bad}`, 'uuid'],
  ['GET', (bad) => `/luckperms/players/${bad}/permissions`, 'uuid'],
  ['GET', (bad) => `/luckperms/players/${bad}/with-permissions`, 'uuid'],
  ['GET', (bad) => `/teleport-history/players/${PLAYER}?limit=${bad}`, 'limit'],
  ['GET', (bad) => `/teleport-history/players/${bad}`, 'player_uuid'],
];

/** Routes whose fields are all optional: an empty body is a valid query. */
const REQUIRED_NOWHERE = new Set(['/warps/list', '/punishments/query']);

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  return 42;
}

const server = useTestServer();
let tableCounts: () => Promise<Record<string, number>>;
let before: Record<string, number>;

beforeAll(async () => {
  const tables = (
    await server.sql<{ name: string }>(
      `select table_schema || '.' || table_name as name from information_schema.tables
     where table_schema = 'hubgw' or table_name like 'luckperms_%' order by 1`,
    )
  ).map((row) => row.name);
  tableCounts = async () =>
    Object.fromEntries(
      await Promise.all(
        tables.map(async (table) => [
          table,
          Number((await server.sql<{ count: string }>(`select count(*) from ${table}`))[0]!.count),
        ]),
      ),
    );
  before = await tableCounts();
});

function issuePaths(body: { details?: { issues?: { path: string }[] } }): string[] {
  return (body.details?.issues ?? []).map((issue) => issue.path);
}

describe.each(BODY_ROUTES)('%s %s', (method, path, valid) => {
  it.each(Object.keys(valid))(
    'answers 400 naming "%s" given the wrong type, a NUL byte or 100k characters',
    async (field) => {
      const value = valid[field];
      const bad = [wrongType(value), ...(typeof value === 'string' ? ['a\u0000b', 'x'.repeat(100_000)] : [])];
      for (const badValue of bad) {
        const res = await hubgw(server, method, path, { json: { ...valid, [field]: badValue } });
        expect(res.status, `${field}=${String(badValue).slice(0, 20)}`).toBe(400);
        expect(res.body.code).toBe('validation_error');
        expect(issuePaths(res.body)).toContain(field);
      }
    },
  );

  it('answers 400 to a body of the wrong shape', async () => {
    const shapes = ['null', '[1,2]', '"text"', '{"a":', ...(REQUIRED_NOWHERE.has(path) ? [] : ['{}'])];
    for (const body of shapes) {
      const res = await hubgw(server, method, path, { body, headers: { 'content-type': 'application/json' } });
      expect(res.status, body).toBe(400);
      expect(res.body.code).toBe('validation_error');
    }
  });
});

describe.each(PATH_ROUTES)('%s %s', (method, path, field) => {
  it.each(['not-a-uuid', '0', '-1', '1001', 'abc', '%00', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(5000)])(
    'answers 400 naming the parameter for %s',
    async (bad) => {
      const res = await hubgw(server, method, path(bad));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_error');
      expect(issuePaths(res.body)).toContain(field);
    },
  );
});

it('answers an unknown HubGW path with 404, not a crash, whatever it holds', async () => {
  for (const path of ['/../../etc/passwd', '/%00', '/kits/claim/extra', '/warps/%E0%A4%A']) {
    const res = await hubgw(server, 'GET', path);
    expect(res.status, path).toBeLessThan(500);
    expect([400, 404]).toContain(res.status);
  }
});

it('answers a GET of a path that only takes PUT with 405', async () => {
  const res = await hubgw(server, 'GET', '/homes');
  expect([res.status, res.headers.get('allow')]).toEqual([405, 'PUT']);
});

it('wrote nothing through all of the above', async () => {
  expect(await tableCounts()).toEqual(before);
});
