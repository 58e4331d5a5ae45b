// How REST reads a client's nulls on the real routes (rest-adapter/lenient-input.ts): a null on a field that documents
// a meaning for null is that meaning (it clears the field); a null on an optional field without one is "not given",
// at any depth, in arrays and in either branch of an array-or-object body. A blank query parameter is not given either.
import { describe, expect, it } from 'vitest';
import { createClass, createUser, discordId } from '../support/aurora.ts';
import { hubgw, request, testClock, useTestServer } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

function createItem(name: string) {
  return request(server, 'POST', '/api/items', {
    json: {
      name,
      description: 'Restores HP',
      type: 'CONSUMABLE',
      rarity: 'C',
      iconUrl: '/assets/items/placeholder.png',
      imageUrl: '/assets/items/placeholder.png',
      usageData: { consume: true, effects: [] },
    },
  });
}

describe('an explicit null clears a nullable field', () => {
  it('a warp description (PATCH /warps/)', async () => {
    const owner = crypto.randomUUID();
    const warp = { player_uuid: owner, name: `w-${owner}`, world: 'world', x: 1, y: 64, z: 1, description: 'Spawn' };
    expect((await hubgw(server, 'POST', '/warps/', { json: warp })).status).toBe(201);
    const res = await hubgw(server, 'PATCH', '/warps/', {
      json: { player_uuid: owner, name: warp.name, description: null },
    });
    expect(res.status).toBe(200);
    expect(res.body.description).toBeNull();
    expect((await hubgw(server, 'POST', '/warps/get', { json: { name: warp.name } })).body.description).toBeNull();
  });

  it("a user's classId (PUT /api/users/:id)", async () => {
    const classId = `c${discordId().slice(-6)}`;
    expect((await createClass(server, { id: classId, name: 'Mage' })).status).toBe(201);
    const id = discordId();
    expect((await createUser(server, { id, username: 'mage', classId })).status).toBe(201);
    const res = await request(server, 'PUT', `/api/users/${id}`, { json: { classId: null } });
    expect(res.status).toBe(200);
    expect(res.body.user.classId).toBeNull();
    expect((await request(server, 'GET', `/api/users/${id}`)).body.classId).toBeNull();
  });

  it("an item's description (PUT /api/items/:id)", async () => {
    const created = await createItem(`Potion ${discordId()}`);
    expect(created.status).toBe(201);
    const id = created.body.item.id;
    const res = await request(server, 'PUT', `/api/items/${id}`, { json: { description: null } });
    expect(res.status).toBe(200);
    expect(res.body.item.description).toBeNull();
    expect((await request(server, 'GET', `/api/items/${id}`)).body.description).toBeNull();
  });

  it("a class's roleId (PUT /api/classes/:id)", async () => {
    const id = `r${discordId().slice(-6)}`;
    expect((await createClass(server, { id, name: 'Rogue', roleId: '123456789' })).status).toBe(201);
    const res = await request(server, 'PUT', `/api/classes/${id}`, { json: { roleId: null } });
    expect(res.status).toBe(200);
    expect(res.body.class.roleId).toBeNull();
    const listed = (await request(server, 'GET', '/api/classes')).body.classes;
    expect(listed).toContainEqual({ id, name: 'Rogue', balance: '0', roleId: null });
  });
});

describe('a null on an optional field without a meaning for null is "not given"', () => {
  it('in an array: a kit whose second item only has "nbt": null stores both items', async () => {
    const items = [
      { item: 'minecraft:bread', amount: 16 },
      { item: 'minecraft:stone_sword', amount: 1, nbt: null },
    ];
    const res = await hubgw(server, 'PUT', '/kits/', { json: { name: 'nulls', cooldown_seconds: 60, items } });
    expect(res.status).toBe(200);
    const stored = [
      { item: 'minecraft:bread', amount: 16 },
      { item: 'minecraft:stone_sword', amount: 1 },
    ];
    expect(res.body.items).toEqual(stored);
    const kits = (await hubgw(server, 'GET', '/kits/')).body.kits;
    expect(kits.find((kit: { name: string }) => kit.name === 'nulls').items).toEqual(stored);
  });

  const record = (player: string, fields: Record<string, unknown>) => ({
    player_uuid: player,
    player_name: 'Steve',
    command: 'spawn',
    server: 'lobby',
    ...fields,
  });
  const storedCommands = (player: string) =>
    server.sql<{ arguments: string[]; executed_at: Date }>(
      'select arguments, executed_at from hubgw.command_audit where player_uuid = ? order by command',
      [player],
    );

  it('in a batch of audit records (the array branch of the body), each null is its default', async () => {
    const player = crypto.randomUUID();
    const batch = [
      record(player, { command: 'a', arguments: ['x'], timestamp: '2029-06-01T00:00:00.000Z' }),
      record(player, { command: 'b', arguments: null, timestamp: null }),
    ];
    const res = await hubgw(server, 'POST', '/audit/commands', { json: batch });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 2 });
    const rows = await storedCommands(player);
    expect(rows.map((row) => [row.arguments, new Date(row.executed_at).toISOString()])).toEqual([
      [['x'], '2029-06-01T00:00:00.000Z'],
      [[], clock.now.toISOString()],
    ]);
  });

  it('in one audit record (the object branch of the body)', async () => {
    const player = crypto.randomUUID();
    const res = await hubgw(server, 'POST', '/audit/commands', {
      json: record(player, { arguments: null, timestamp: null }),
    });
    expect(res.status).toBe(202);
    const rows = await storedCommands(player);
    expect(rows.map((row) => [row.arguments, new Date(row.executed_at).toISOString()])).toEqual([
      [[], clock.now.toISOString()],
    ]);
  });
});

describe('a blank query parameter is "not given"', () => {
  it('GET /api/items?search=&limit= is the unfiltered first page; the parameters given beside blanks still apply', async () => {
    const name = `Elixir ${discordId()}`;
    expect((await createItem(name)).status).toBe(201);
    const unfiltered = await request(server, 'GET', '/api/items');
    const blank = await request(server, 'GET', '/api/items?search=&limit=');
    expect(blank.status).toBe(200);
    expect(blank.body).toEqual(unfiltered.body);
    const searched = await request(server, 'GET', `/api/items?search=${encodeURIComponent(name)}&limit=`);
    expect(searched.status).toBe(200);
    expect(searched.body.items.map((item: { name: string }) => item.name)).toEqual([name]);
  });
});

describe('bodies that are not what the schema walks', () => {
  it.each([
    ['no body', undefined],
    ['null', null],
    ['a batch holding null', [null]],
    ['a string', 'spawn'],
  ])('POST /audit/commands with %s answers 400 validation_error', async (_, json) => {
    const res = await hubgw(server, 'POST', '/audit/commands', json === undefined ? {} : { json });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_error');
  });

  it('PUT /kits/ with a null item or a null items list answers 400 validation_error', async () => {
    for (const items of [[null], null]) {
      const res = await hubgw(server, 'PUT', '/kits/', { json: { name: 'broken', cooldown_seconds: 0, items } });
      expect(res.status, JSON.stringify(items)).toBe(400);
      expect(res.body.code).toBe('validation_error');
    }
  });
});
