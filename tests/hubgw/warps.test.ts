// HubGW warps, as the HubGW API document and the README's "HubGW behaviour the document leaves open" describe them.
import { beforeAll, describe, expect, it } from 'vitest';
import { hubgw, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const OWNER = 'a1b2c3d4-0000-4000-8000-000000000001';
const OTHER = 'a1b2c3d4-0000-4000-8000-000000000002';

function warpBody(overrides: Record<string, unknown> = {}) {
  return {
    player_uuid: OWNER,
    name: 'spawn',
    world: 'world',
    x: 0.5,
    y: 64,
    z: -10.5,
    yaw: 180,
    pitch: 0,
    is_public: true,
    description: 'Server spawn',
    ...overrides,
  };
}

describe('POST /warps/', () => {
  it('creates a warp: 201 with the whole warp', async () => {
    const res = await hubgw(server, 'POST', '/warps/', { json: warpBody({ max_warps: 10 }) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      ...warpBody(),
      id: expect.any(String),
      created_at: clock.now.toISOString(),
      updated_at: clock.now.toISOString(),
    });
  });

  it('refuses a taken name, whoever asks and however cased, naming the owner', async () => {
    const res = await hubgw(server, 'POST', '/warps/', { json: warpBody({ player_uuid: OTHER, name: 'SPAWN' }) });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      message: "Warp 'SPAWN' already exists",
      code: 'already_exists',
      details: { owner_uuid: OWNER },
    });
  });

  it("refuses creation past max_warps with the document's body", async () => {
    const owner = crypto.randomUUID();
    await hubgw(server, 'POST', '/warps/', {
      json: warpBody({ player_uuid: owner, name: `w-${owner}-1`, max_warps: 1 }),
    });
    const res = await hubgw(server, 'POST', '/warps/', {
      json: warpBody({ player_uuid: owner, name: `w-${owner}-2`, max_warps: 1 }),
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      message: 'Warp limit exceeded. Maximum 1 warps allowed.',
      code: 'limit_exceeded',
      details: { player_uuid: owner, current_count: 1, max_warps: 1 },
    });
  });

  it('names a taken name as taken even to an owner at max_warps: the name is checked first', async () => {
    const owner = crypto.randomUUID();
    await hubgw(server, 'POST', '/warps/', {
      json: warpBody({ player_uuid: owner, name: `w-${owner}`, max_warps: 1 }),
    });
    const res = await hubgw(server, 'POST', '/warps/', {
      json: warpBody({ player_uuid: owner, name: 'spawn', max_warps: 1 }),
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      message: "Warp 'spawn' already exists",
      code: 'already_exists',
      details: { owner_uuid: OWNER },
    });
  });
});

describe('PATCH /warps/', () => {
  it('changes only the given fields for the owner', async () => {
    await hubgw(server, 'POST', '/warps/', { json: warpBody({ name: 'market' }) });
    const before = await hubgw(server, 'POST', '/warps/get', { json: { name: 'market' } });
    clock.advance(60);
    const res = await hubgw(server, 'PATCH', '/warps/', {
      json: { player_uuid: OWNER, name: 'Market', x: 100, is_public: false },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...before.body, x: 100, is_public: false, updated_at: clock.now.toISOString() });
  });

  it('answers 403 permission_denied to anyone else, and changes nothing', async () => {
    const res = await hubgw(server, 'PATCH', '/warps/', { json: { player_uuid: OTHER, name: 'market', x: 1 } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      message: "You don't have permission to update warp 'market'",
      code: 'permission_denied',
      details: { warp_owner: OWNER, requested_by: OTHER },
    });
    expect((await hubgw(server, 'POST', '/warps/get', { json: { name: 'market' } })).body.x).toBe(100);
  });

  it('answers 404 for an unknown warp', async () => {
    const res = await hubgw(server, 'PATCH', '/warps/', { json: { player_uuid: OWNER, name: 'nowhere', x: 1 } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "Warp 'nowhere' not found", code: 'not_found', details: { name: 'nowhere' } });
  });
});

describe('DELETE /warps/', () => {
  it('refuses anyone but the owner with 403, then deletes for the owner with 204', async () => {
    await hubgw(server, 'POST', '/warps/', { json: warpBody({ name: 'temp' }) });
    const denied = await hubgw(server, 'DELETE', '/warps/', { json: { player_uuid: OTHER, name: 'temp' } });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      message: "You don't have permission to delete warp 'temp'",
      code: 'permission_denied',
      details: { warp_owner: OWNER, requested_by: OTHER },
    });
    const deleted = await hubgw(server, 'DELETE', '/warps/', {
      json: { player_uuid: OWNER.toUpperCase(), name: 'TEMP' },
    });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await hubgw(server, 'POST', '/warps/get', { json: { name: 'temp' } })).status).toBe(404);
    expect((await hubgw(server, 'DELETE', '/warps/', { json: { player_uuid: OWNER, name: 'temp' } })).status).toBe(404);
  });
});

describe('POST /warps/get', () => {
  it('returns the warp to anyone, by name in any case', async () => {
    const res = await hubgw(server, 'POST', '/warps/get', { json: { name: 'SPAWN' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'spawn', player_uuid: OWNER });
  });
});

describe('POST /warps/list', () => {
  const owner = crypto.randomUUID();
  beforeAll(async () => {
    for (const [name, world, is_public] of [
      ['zeta-l', 'nether', true],
      ['alpha-l', 'world', true],
      ['beta-l', 'world', false],
      ['50%_off-l', 'world', true],
    ] as const) {
      await hubgw(server, 'POST', '/warps/', { json: warpBody({ player_uuid: owner, name, world, is_public }) });
    }
  });

  it('filters by name substring, world and is_public, ordered by name, with page counts', async () => {
    const res = await hubgw(server, 'POST', '/warps/list', {
      json: { name: '-L', world: 'world', is_public: true, page: 1, size: 20 },
    });
    expect(res.status).toBe(200);
    expect(res.body.warps.map((warp: { name: string }) => warp.name)).toEqual(['50%_off-l', 'alpha-l']);
    expect(res.body).toMatchObject({ total: 2, page: 1, size: 20, pages: 1 });
  });

  it("answers each call's filter values when the same filters come again (one compiled query per set of filters)", async () => {
    const page = async (filter: Record<string, unknown>) => {
      const res = await hubgw(server, 'POST', '/warps/list', { json: { name: '-l', size: 2, ...filter } });
      const { warps, ...meta } = res.body;
      return [res.status, warps.map((warp: { name: string }) => warp.name), meta];
    };
    const meta = (total: number, page = 1) => ({ total, page, size: 2, pages: Math.ceil(total / 2) });
    expect(await page({ world: 'world', is_public: false })).toEqual([200, ['beta-l'], meta(1)]);
    expect(await page({ world: 'nether', is_public: true })).toEqual([200, ['zeta-l'], meta(1)]);
    expect(await page({ world: 'world', is_public: true })).toEqual([200, ['50%_off-l', 'alpha-l'], meta(2)]);
    expect(await page({ world: 'end', is_public: true })).toEqual([200, [], meta(0)]);
    expect(await page({ is_public: false })).toEqual([200, ['beta-l'], meta(1)]);
    expect(await page({ is_public: true })).toEqual([200, ['50%_off-l', 'alpha-l'], meta(3)]);
    expect(await page({ is_public: true, page: 2 })).toEqual([200, ['zeta-l'], meta(3, 2)]);
  });

  it('takes LIKE wildcards in the name filter literally', async () => {
    const res = await hubgw(server, 'POST', '/warps/list', { json: { name: '%_' } });
    expect(res.body.warps.map((warp: { name: string }) => warp.name)).toEqual(['50%_off-l']);
  });

  it('pages with defaults of page 1 and size 20, and counts past the last page', async () => {
    const all = await hubgw(server, 'POST', '/warps/list', { json: { name: '-l' } });
    expect(all.body).toMatchObject({ total: 4, page: 1, size: 20, pages: 1 });
    const second = await hubgw(server, 'POST', '/warps/list', { json: { name: '-l', page: 2, size: 3 } });
    expect(second.body).toMatchObject({ total: 4, page: 2, size: 3, pages: 2 });
    expect(second.body.warps).toHaveLength(1);
    const beyond = await hubgw(server, 'POST', '/warps/list', { json: { name: '-l', page: 9, size: 3 } });
    expect(beyond.body).toEqual({ warps: [], total: 4, page: 9, size: 3, pages: 2 });
  });

  it('refuses page 0 and size 10000', async () => {
    const res = await hubgw(server, 'POST', '/warps/list', { json: { page: 0, size: 10000 } });
    expect(res.status).toBe(400);
    expect(res.body.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['page', 'size']);
  });
});
