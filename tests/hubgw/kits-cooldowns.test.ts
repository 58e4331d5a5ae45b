// HubGW kits and cooldowns, as the HubGW API document and the README's "HubGW behaviour the document leaves open"
// describe them.
import { describe, expect, it } from 'vitest';
import { hubgw, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const starter = {
  name: 'Starter',
  cooldown_seconds: 3600,
  items: [
    { item: 'minecraft:bread', amount: 16 },
    { item: 'minecraft:stone_sword', amount: 1, nbt: '{Damage:0}' },
  ],
  description: 'First day',
};

describe('kit definitions', () => {
  it('PUT /kits/ creates a kit and answers 200 with it', async () => {
    const res = await hubgw(server, 'PUT', '/kits/', { json: starter });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...starter, created_at: clock.now.toISOString(), updated_at: clock.now.toISOString() });
  });

  it('PUT /kits/ replaces a kit of the same name, matched case-insensitively', async () => {
    await hubgw(server, 'PUT', '/kits/', { json: { name: 'tools', cooldown_seconds: 10, items: [] } });
    clock.advance(5);
    const res = await hubgw(server, 'PUT', '/kits/', {
      json: { name: 'TOOLS', cooldown_seconds: 20, items: [{ item: 'minecraft:shears', amount: 1 }] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'TOOLS', cooldown_seconds: 20, description: null });
    expect(res.body.updated_at).not.toBe(res.body.created_at);
  });

  it('GET /kits/ lists every kit with the total', async () => {
    const res = await hubgw(server, 'GET', '/kits/');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.kits.length);
    expect(res.body.kits.map((kit: { name: string }) => kit.name)).toEqual(
      expect.arrayContaining(['Starter', 'TOOLS']),
    );
  });

  it('refuses a negative cooldown or a bad item', async () => {
    const res = await hubgw(server, 'PUT', '/kits/', {
      json: { name: 'bad', cooldown_seconds: -1, items: [{ item: '', amount: 0 }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'cooldown_seconds',
      'items.0.amount',
      'items.0.item',
    ]);
  });

  it('DELETE /kits/{name} answers 204, then 404', async () => {
    await hubgw(server, 'PUT', '/kits/', { json: { name: 'gone', cooldown_seconds: 0, items: [] } });
    expect((await hubgw(server, 'DELETE', '/kits/GONE')).status).toBe(204);
    const again = await hubgw(server, 'DELETE', '/kits/gone');
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ message: "Kit 'gone' not found", code: 'not_found', details: { kit_name: 'gone' } });
  });
});

describe('POST /kits/claim', () => {
  it('hands out the kit with its cooldown, then refuses during the cooldown with its details', async () => {
    await hubgw(server, 'PUT', '/kits/', { json: starter });
    const player = crypto.randomUUID();
    const claim = await hubgw(server, 'POST', '/kits/claim', { json: { player_uuid: player, kit_name: 'starter' } });
    expect(claim.status).toBe(200);
    expect(claim.body).toEqual({
      success: true,
      message: "Kit 'Starter' claimed",
      cooldown_remaining: 3600,
      items: starter.items,
    });

    clock.advance(600);
    const again = await hubgw(server, 'POST', '/kits/claim', { json: { player_uuid: player, kit_name: 'Starter' } });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      message: "Kit 'Starter' is on cooldown for 3000 more seconds",
      code: 'cooldown_active',
      details: {
        kit_name: 'Starter',
        cooldown_remaining: 3000,
        expires_at: new Date(clock.now.getTime() + 3000_000).toISOString(),
      },
    });

    const check = await hubgw(server, 'POST', '/cooldowns/check', {
      json: { player_uuid: player, cooldown_type: 'kit|starter' },
    });
    expect(check.body).toEqual({ is_active: true, expires_at: again.body.details.expires_at, remaining_seconds: 3000 });

    clock.advance(3000);
    expect(
      (await hubgw(server, 'POST', '/kits/claim', { json: { player_uuid: player, kit_name: 'starter' } })).status,
    ).toBe(200);
  });

  it("keeps one player's cooldown from another", async () => {
    const [first, second] = [crypto.randomUUID(), crypto.randomUUID()];
    expect(
      (await hubgw(server, 'POST', '/kits/claim', { json: { player_uuid: first, kit_name: 'Starter' } })).status,
    ).toBe(200);
    expect(
      (await hubgw(server, 'POST', '/kits/claim', { json: { player_uuid: second, kit_name: 'Starter' } })).status,
    ).toBe(200);
  });

  it('lets a kit without cooldown be claimed at once again', async () => {
    await hubgw(server, 'PUT', '/kits/', { json: { name: 'free', cooldown_seconds: 0, items: [] } });
    const player = crypto.randomUUID();
    for (let i = 0; i < 2; i++) {
      const res = await hubgw(server, 'POST', '/kits/claim', { json: { player_uuid: player, kit_name: 'free' } });
      expect(res.body).toEqual({ success: true, message: "Kit 'free' claimed", cooldown_remaining: 0, items: [] });
    }
  });

  it('answers 404 for an unknown kit', async () => {
    const res = await hubgw(server, 'POST', '/kits/claim', {
      json: { player_uuid: crypto.randomUUID(), kit_name: 'nope' },
    });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "Kit 'nope' not found", code: 'not_found', details: { kit_name: 'nope' } });
  });
});

describe('cooldowns', () => {
  it('POST /cooldowns/ with cooldown_seconds answers 201 and check sees it', async () => {
    const player = crypto.randomUUID();
    const res = await hubgw(server, 'POST', '/cooldowns/', {
      json: { player_uuid: player, cooldown_type: 'teleport', cooldown_seconds: 90, data: { from: 'spawn' } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ message: 'Cooldown created successfully' });
    const check = await hubgw(server, 'POST', '/cooldowns/check', {
      json: { player_uuid: player, cooldown_type: 'teleport' },
    });
    expect(check.status).toBe(200);
    expect(check.body).toEqual({
      is_active: true,
      expires_at: new Date(clock.now.getTime() + 90_000).toISOString(),
      remaining_seconds: 90,
    });
  });

  it('POST /cooldowns/ with expires_at, replacing the earlier cooldown of the same type', async () => {
    const player = crypto.randomUUID();
    await hubgw(server, 'POST', '/cooldowns/', {
      json: { player_uuid: player, cooldown_type: 'heal', cooldown_seconds: 1000 },
    });
    const expires = new Date(clock.now.getTime() + 30_000).toISOString();
    expect(
      (
        await hubgw(server, 'POST', '/cooldowns', {
          json: { player_uuid: player, cooldown_type: 'heal', expires_at: expires },
        })
      ).status,
    ).toBe(201);
    const check = await hubgw(server, 'POST', '/cooldowns/check', {
      json: { player_uuid: player, cooldown_type: 'heal' },
    });
    expect(check.body).toEqual({ is_active: true, expires_at: expires, remaining_seconds: 30 });
  });

  it("stores the cooldown's data, and the next cooldown of the same type replaces it", async () => {
    const player = crypto.randomUUID();
    const dataOf = async () =>
      await server.sql<{ data: unknown }>(
        'select data from hubgw.cooldowns where player_uuid = ? and cooldown_type = ?',
        [player, 'teleport'],
      );
    const set = (data?: Record<string, unknown>) =>
      hubgw(server, 'POST', '/cooldowns/', {
        json: { player_uuid: player, cooldown_type: 'teleport', cooldown_seconds: 90, ...(data && { data }) },
      });
    expect((await set({ from: 'spawn', uses: 2 })).status).toBe(201);
    expect(await dataOf()).toEqual([{ data: { from: 'spawn', uses: 2 } }]);
    expect((await set({ from: 'market' })).status).toBe(201);
    expect(await dataOf()).toEqual([{ data: { from: 'market' } }]);
    expect((await set()).status).toBe(201);
    expect(await dataOf()).toEqual([{ data: null }]);
  });

  it('reports an expired cooldown, or none, as inactive', async () => {
    const player = crypto.randomUUID();
    await hubgw(server, 'POST', '/cooldowns/', {
      json: { player_uuid: player, cooldown_type: 'short', cooldown_seconds: 5 },
    });
    clock.advance(5);
    for (const type of ['short', 'never-set']) {
      const check = await hubgw(server, 'POST', '/cooldowns/check', {
        json: { player_uuid: player, cooldown_type: type },
      });
      expect(check.body).toEqual({ is_active: false, expires_at: null, remaining_seconds: 0 });
    }
  });

  it('needs expires_at or cooldown_seconds (> 0) and a real date-time', async () => {
    const player = crypto.randomUUID();
    const bodies = [
      { player_uuid: player, cooldown_type: 'x' },
      { player_uuid: player, cooldown_type: 'x', cooldown_seconds: 0 },
      { player_uuid: player, cooldown_type: 'x', expires_at: 'tomorrow' },
    ];
    for (const json of bodies) {
      const res = await hubgw(server, 'POST', '/cooldowns/', { json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.code).toBe('validation_error');
    }
    const check = await hubgw(server, 'POST', '/cooldowns/check', {
      json: { player_uuid: player, cooldown_type: 'x' },
    });
    expect(check.body.is_active).toBe(false);
  });

  it("takes the seed's example with both fields, expires_at winning, and stores a past expiry as over", async () => {
    const player = crypto.randomUUID();
    const inAnHour = new Date(clock.now.getTime() + 3600_000).toISOString();
    const both = await hubgw(server, 'POST', '/cooldowns/', {
      json: { player_uuid: player, cooldown_type: 'both', expires_at: inAnHour, cooldown_seconds: 5 },
    });
    expect([both.status, both.body]).toEqual([201, { message: 'Cooldown created successfully' }]);
    const bothCheck = await hubgw(server, 'POST', '/cooldowns/check', {
      json: { player_uuid: player, cooldown_type: 'both' },
    });
    expect(bothCheck.body).toEqual({ is_active: true, expires_at: inAnHour, remaining_seconds: 3600 });

    const reset = await hubgw(server, 'POST', '/cooldowns/', {
      json: { player_uuid: player, cooldown_type: 'both', expires_at: '2024-01-01T00:00:00Z' },
    });
    expect(reset.status).toBe(201);
    const resetCheck = await hubgw(server, 'POST', '/cooldowns/check', {
      json: { player_uuid: player, cooldown_type: 'both' },
    });
    expect(resetCheck.body).toEqual({ is_active: false, expires_at: null, remaining_seconds: 0 });
  });
});

it('timestamps are ISO-8601 UTC with milliseconds', async () => {
  const res = await hubgw(server, 'GET', '/kits/');
  for (const kit of res.body.kits) expect(kit.created_at).toMatch(ISO);
});
