// The HubGW whitelist, as the HubGW API document and the README's "HubGW behaviour the document leaves open" describe
// it.
import { describe, expect, it } from 'vitest';
import { hubgw, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const check = async (player_name: string) =>
  (await hubgw(server, 'POST', '/whitelist/check', { json: { player_name } })).body.is_whitelisted;

describe('POST /whitelist/add', () => {
  it('adds a player: 201 with the whole entry', async () => {
    const body = {
      player_name: 'Steve',
      added_by: 'Admin',
      added_at: '2029-12-31T12:00:00.000Z',
      expires_at: '2031-01-01T00:00:00.000Z',
      is_active: true,
      reason: 'Friend of the server',
    };
    const res = await hubgw(server, 'POST', '/whitelist/add', { json: body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), ...body });
    expect(await check('steve')).toBe(true);
  });

  it('fills added_at with now, is_active with true, and the optional fields with null', async () => {
    const res = await hubgw(server, 'POST', '/whitelist/add', { json: { player_name: 'Alex', added_by: 'Console' } });
    expect(res.body).toEqual({
      id: expect.any(String),
      player_name: 'Alex',
      added_by: 'Console',
      added_at: clock.now.toISOString(),
      expires_at: null,
      is_active: true,
      reason: null,
    });
  });

  it('answers 409 already_exists for a name with an active, unexpired entry', async () => {
    const res = await hubgw(server, 'POST', '/whitelist/add', { json: { player_name: 'STEVE', added_by: 'Admin' } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      message: "Player 'STEVE' is already whitelisted",
      code: 'already_exists',
      details: { player_name: 'STEVE' },
    });
  });

  it('replaces an inactive entry, and an expired one', async () => {
    await hubgw(server, 'POST', '/whitelist/add', {
      json: { player_name: 'Sleeper', added_by: 'Admin', is_active: false },
    });
    expect(await check('sleeper')).toBe(false);
    const revived = await hubgw(server, 'POST', '/whitelist/add', {
      json: { player_name: 'Sleeper', added_by: 'Mod' },
    });
    expect(revived.status).toBe(201);
    expect(revived.body).toMatchObject({ added_by: 'Mod', is_active: true });

    await hubgw(server, 'POST', '/whitelist/add', {
      json: {
        player_name: 'Visitor',
        added_by: 'Admin',
        expires_at: new Date(clock.now.getTime() + 60_000).toISOString(),
      },
    });
    expect(await check('visitor')).toBe(true);
    clock.advance(60);
    expect(await check('visitor')).toBe(false);
    expect(
      (await hubgw(server, 'POST', '/whitelist/add', { json: { player_name: 'visitor', added_by: 'Mod' } })).status,
    ).toBe(201);
    expect(await check('Visitor')).toBe(true);
  });
});

describe('POST /whitelist/remove', () => {
  it('answers 204 and the player is no longer whitelisted; a second removal is 404', async () => {
    await hubgw(server, 'POST', '/whitelist/add', { json: { player_name: 'Leaver', added_by: 'Admin' } });
    const res = await hubgw(server, 'POST', '/whitelist/remove', { json: { player_name: 'LEAVER' } });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await check('leaver')).toBe(false);
    const again = await hubgw(server, 'POST', '/whitelist/remove', { json: { player_name: 'leaver' } });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({
      message: "Player 'leaver' is not on the whitelist",
      code: 'not_found',
      details: { player_name: 'leaver' },
    });
  });
});

describe('GET /whitelist/ and /whitelist/count', () => {
  it('lists every stored entry newest first, and counts them all, inactive and expired included', async () => {
    const list = await hubgw(server, 'GET', '/whitelist/');
    expect(list.status).toBe(200);
    const addedAt = list.body.entries.map((entry: { added_at: string }) => Date.parse(entry.added_at));
    expect(addedAt).toEqual([...addedAt].sort((a, b) => b - a));
    expect(list.body.total).toBe(list.body.entries.length);
    const count = await hubgw(server, 'GET', '/whitelist/count');
    expect(count.status).toBe(200);
    expect(count.body).toEqual({ total: list.body.total });
    const names = list.body.entries.map((entry: { player_name: string }) => entry.player_name);
    expect(names).toEqual(expect.arrayContaining(['Steve', 'Alex', 'Sleeper', 'visitor']));
  });
});
