// HubGW LuckPerms views over the plugin's own tables, as the HubGW API document and the README's "HubGW behaviour the
// document leaves open" describe them.
import { beforeAll, describe, expect, it } from 'vitest';
import { offlinePlayerUuid } from '#routers/hubgw/luckperms/offline-uuid.ts';
import { hubgw, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const NOW = () => clock.now.toISOString();

describe('offline-mode UUIDs', () => {
  // Reference values from Java's UUID.nameUUIDFromBytes, which Minecraft uses.
  it.each([
    ['Notch', 'b50ad385-829d-3141-a216-7e7d7539ba7f'],
    ['jeb_', 'a762f560-4fce-3236-812a-b80efff0b62b'],
    ['Ünïcødé', 'fec7b448-6897-3f89-9ff7-7137d6bd31c9'],
  ])('match what Minecraft derives for "OfflinePlayer:%s"', (name, uuid) => {
    expect(offlinePlayerUuid(name)).toBe(uuid);
  });
});

describe('POST /luckperms/players', () => {
  it('creates a player with the offline UUID and the default group: 201', async () => {
    const res = await hubgw(server, 'POST', '/luckperms/players', {
      json: { username: 'Notch', primary_group: 'default' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      uuid: 'b50ad385-829d-3141-a216-7e7d7539ba7f',
      username: 'notch',
      primary_group: 'default',
      created_at: NOW(),
      updated_at: NOW(),
    });
  });

  it('takes a given uuid and fills primary_group with default', async () => {
    const uuid = crypto.randomUUID();
    const res = await hubgw(server, 'POST', '/luckperms/players', {
      json: { username: 'Alex_01', uuid: uuid.toUpperCase() },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ uuid, username: 'alex_01', primary_group: 'default' });
  });

  it('answers 409 for a taken username (any case) or uuid, and 400 for an unknown group', async () => {
    const sameName = await hubgw(server, 'POST', '/luckperms/players', {
      json: { username: 'NOTCH', uuid: crypto.randomUUID() },
    });
    expect(sameName.status).toBe(409);
    expect(sameName.body).toEqual({
      message: "Player 'notch' already exists",
      code: 'already_exists',
      details: { username: 'notch', uuid: 'b50ad385-829d-3141-a216-7e7d7539ba7f' },
    });
    const sameUuid = await hubgw(server, 'POST', '/luckperms/players', {
      json: { username: 'other', uuid: 'b50ad385-829d-3141-a216-7e7d7539ba7f' },
    });
    expect(sameUuid.status).toBe(409);
    expect(sameUuid.body.code).toBe('already_exists');
    const noGroup = await hubgw(server, 'POST', '/luckperms/players', {
      json: { username: 'newbie', primary_group: 'vip' },
    });
    expect(noGroup.status).toBe(400);
    expect(noGroup.body).toEqual({
      message: 'Validation failed',
      code: 'validation_error',
      details: { issues: [{ path: 'primary_group', message: "unknown group 'vip'" }] },
    });
  });

  it('refuses usernames LuckPerms cannot store', async () => {
    const res = await hubgw(server, 'POST', '/luckperms/players', { json: { username: 'x'.repeat(17) } });
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0].path).toBe('username');
  });
});

describe('reading players, groups and permissions', () => {
  const uuid = 'b50ad385-829d-3141-a216-7e7d7539ba7f';

  beforeAll(async () => {
    // Rows as the LuckPerms plugin writes them: it knows nothing of created_at/updated_at.
    await server.sql(
      `insert into luckperms_user_permissions (uuid, permission, value, server, world, expiry, contexts)
       values (?, 'essentials.fly', true, 'global', 'global', 0, '{}'), (?, 'worldedit.*', false, 'creative', 'flat', 1893456000, '{"server":["creative"]}')`,
      [uuid, uuid],
    );
    await server.sql(`insert into luckperms_groups (name) values ('builder')`);
  });

  it('GET /luckperms/players/{uuid}', async () => {
    const res = await hubgw(server, 'GET', `/luckperms/players/${uuid}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      uuid,
      username: 'notch',
      primary_group: 'default',
      created_at: NOW(),
      updated_at: NOW(),
    });
  });

  it('GET /luckperms/players/username/{username}, case-insensitively', async () => {
    const res = await hubgw(server, 'GET', '/luckperms/players/username/NoTcH');
    expect(res.status).toBe(200);
    expect(res.body.uuid).toBe(uuid);
  });

  it('GET /luckperms/players/{uuid}/permissions as a bare array', async () => {
    const res = await hubgw(server, 'GET', `/luckperms/players/${uuid}/permissions`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: expect.any(Number),
        uuid,
        permission: 'essentials.fly',
        value: true,
        server: 'global',
        world: 'global',
        expiry: 0,
        contexts: '{}',
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
      {
        id: expect.any(Number),
        uuid,
        permission: 'worldedit.*',
        value: false,
        server: 'creative',
        world: 'flat',
        expiry: 1893456000,
        contexts: '{"server":["creative"]}',
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
    ]);
  });

  it('GET /luckperms/players/{uuid}/with-permissions', async () => {
    const player = await hubgw(server, 'GET', `/luckperms/players/${uuid}`);
    const permissions = await hubgw(server, 'GET', `/luckperms/players/${uuid}/permissions`);
    const res = await hubgw(server, 'GET', `/luckperms/players/${uuid}/with-permissions`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...player.body, permissions: permissions.body });
  });

  it('GET /luckperms/groups/{name}, including the default group that always exists', async () => {
    const builder = await hubgw(server, 'GET', '/luckperms/groups/Builder');
    expect(builder.status).toBe(200);
    expect(builder.body).toEqual({ name: 'builder', created_at: expect.any(String), updated_at: expect.any(String) });
    expect((await hubgw(server, 'GET', '/luckperms/groups/default')).status).toBe(200);
  });

  it('answers 404 for unknown players and groups', async () => {
    const missing = crypto.randomUUID();
    expect((await hubgw(server, 'GET', `/luckperms/players/${missing}`)).body).toEqual({
      message: `Player '${missing}' not found`,
      code: 'not_found',
      details: { uuid: missing },
    });
    expect((await hubgw(server, 'GET', `/luckperms/players/${missing}/permissions`)).status).toBe(404);
    expect((await hubgw(server, 'GET', `/luckperms/players/${missing}/with-permissions`)).status).toBe(404);
    expect((await hubgw(server, 'GET', '/luckperms/players/username/nobody')).body).toEqual({
      message: "Player 'nobody' not found",
      code: 'not_found',
      details: { username: 'nobody' },
    });
    expect((await hubgw(server, 'GET', '/luckperms/groups/admins')).body).toEqual({
      message: "Group 'admins' not found",
      code: 'not_found',
      details: { name: 'admins' },
    });
  });
});
