// HubGW homes, as the HubGW API document and the README's "HubGW behaviour the document leaves open" describe them.
import { describe, expect, it } from 'vitest';
import { hubgw, useTestServer } from '../support/server.ts';

const PLAYER = '069a79f4-44e9-4726-a5be-fca90e38aaf5';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const server = useTestServer();

function homeBody(overrides: Record<string, unknown> = {}) {
  return {
    player_uuid: PLAYER,
    name: 'base',
    world: 'world',
    x: 10.5,
    y: 64,
    z: -20.25,
    yaw: 90,
    pitch: 12.5,
    is_public: false,
    ...overrides,
  };
}

describe('PUT /api/v1/homes/', () => {
  it('creates a home and answers 200 with the whole home', async () => {
    const player = crypto.randomUUID();
    const res = await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: player, max_homes: 5 }) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      player_uuid: player,
      name: 'base',
      world: 'world',
      x: 10.5,
      y: 64,
      z: -20.25,
      yaw: 90,
      pitch: 12.5,
      is_public: false,
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
    });
    expect(res.body.created_at).toBe(res.body.updated_at);
  });

  it('fills yaw, pitch and is_public with their defaults', async () => {
    const player = crypto.randomUUID();
    const res = await hubgw(server, 'PUT', '/homes', {
      json: { player_uuid: player, name: 'min', world: 'nether', x: 0, y: 0, z: 0 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ yaw: 0, pitch: 0, is_public: false });
  });

  it('updates the same name, matched case-insensitively, keeping id and created_at', async () => {
    const player = crypto.randomUUID();
    const first = await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: player, name: 'Base' }) });
    const second = await hubgw(server, 'PUT', '/homes/', {
      json: homeBody({ player_uuid: player, name: 'BASE', world: 'end', x: 1, is_public: true }),
    });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      ...first.body,
      name: 'BASE',
      world: 'end',
      x: 1,
      is_public: true,
      updated_at: expect.stringMatching(ISO),
    });
    expect(Date.parse(second.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(first.body.updated_at));
    const list = await hubgw(server, 'GET', `/homes/${player}`);
    expect(list.body.total).toBe(1);
  });

  it("refuses a new name over max_homes with the document's 409 body, and stores nothing", async () => {
    const player = crypto.randomUUID();
    for (const name of ['a', 'b']) {
      expect(
        (await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: player, name, max_homes: 2 }) })).status,
      ).toBe(200);
    }
    const res = await hubgw(server, 'PUT', '/homes/', {
      json: homeBody({ player_uuid: player, name: 'c', max_homes: 2 }),
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      message: 'Home limit exceeded. Maximum 2 homes allowed.',
      code: 'limit_exceeded',
      details: { player_uuid: player, current_count: 2, max_homes: 2 },
    });
    expect((await hubgw(server, 'GET', `/homes/${player}`)).body.total).toBe(2);
  });

  it('still updates an existing name when the player is at max_homes', async () => {
    const player = crypto.randomUUID();
    await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: player, name: 'only', max_homes: 1 }) });
    const res = await hubgw(server, 'PUT', '/homes/', {
      json: homeBody({ player_uuid: player, name: 'only', x: 99, max_homes: 1 }),
    });
    expect(res.status).toBe(200);
    expect(res.body.x).toBe(99);
  });

  it('answers 400 validation_error naming each bad field', async () => {
    const res = await hubgw(server, 'PUT', '/homes/', {
      json: { player_uuid: 'not-a-uuid', name: '', world: 'w', x: 'ten', y: 0, z: 0, max_homes: -1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_error');
    expect(res.body.message).toBe('Validation failed');
    expect(res.body.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'max_homes',
      'name',
      'player_uuid',
      'x',
    ]);
  });

  it('refuses names with NUL bytes or over 64 characters', async () => {
    for (const name of ['a\u0000b', 'x'.repeat(65)]) {
      const res = await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: crypto.randomUUID(), name }) });
      expect(res.status).toBe(400);
      expect(res.body.details.issues[0].path).toBe('name');
    }
  });
});

describe('POST /api/v1/homes/get', () => {
  it('returns the named home, matching the name case-insensitively', async () => {
    const player = crypto.randomUUID();
    const created = await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: player, name: 'Castle' }) });
    const res = await hubgw(server, 'POST', '/homes/get', { json: { player_uuid: player, name: 'castle' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it('treats LIKE wildcards in the name literally', async () => {
    const player = crypto.randomUUID();
    await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: player, name: 'ab' }) });
    const res = await hubgw(server, 'POST', '/homes/get', { json: { player_uuid: player, name: 'a%' } });
    expect(res.status).toBe(404);
  });

  it('answers 404 not_found for an unknown home', async () => {
    const player = crypto.randomUUID();
    const res = await hubgw(server, 'POST', '/homes/get', { json: { player_uuid: player, name: 'nowhere' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      message: "Home 'nowhere' not found",
      code: 'not_found',
      details: { player_uuid: player, name: 'nowhere' },
    });
  });
});

describe('GET /api/v1/homes/{player_uuid}', () => {
  it("lists the player's homes by name with their total, and no one else's", async () => {
    const player = crypto.randomUUID();
    await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: player, name: 'b' }) });
    await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: player, name: 'a' }) });
    await hubgw(server, 'PUT', '/homes/', { json: homeBody({ player_uuid: crypto.randomUUID(), name: 'c' }) });
    const res = await hubgw(server, 'GET', `/homes/${player}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.homes.map((home: { name: string }) => home.name)).toEqual(['a', 'b']);
    expect(res.body.homes.every((home: { player_uuid: string }) => home.player_uuid === player)).toBe(true);
  });

  it('answers an empty list for a player without homes', async () => {
    const res = await hubgw(server, 'GET', `/homes/${crypto.randomUUID()}/`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ homes: [], total: 0 });
  });

  it('answers 400 for a malformed player uuid', async () => {
    const res = await hubgw(server, 'GET', '/homes/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      message: 'Validation failed',
      code: 'validation_error',
      details: { issues: [{ path: 'player_uuid', message: 'must be a UUID' }] },
    });
  });
});
