// Requests as the network's Java plugin sends them through Jackson: `null` for every field it does not set, numbers
// written as `3600.0`, Instant and OffsetDateTime strings, `charset=UTF-8` on the content type. Each is read as the
// client means it (README: "What clients send is accepted").
import { describe, expect, it } from 'vitest';
import { API_KEY, request, useTestServer, testClock } from '../support/server.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const clock = testClock(new Date('2030-01-01T00:00:00.000Z'));

const server = useTestServer({ clock: clock.read });

/** A body serialised the way Jackson writes it; `json` keeps its `3600.0`s, which JSON.stringify would drop. */
function java(method: string, path: string, json: string) {
  return request(server, method, `/api/v1${path}`, {
    body: json,
    headers: {
      'X-API-Key': API_KEY,
      'Content-Type': 'application/json; charset=UTF-8',
      'User-Agent': 'Java-http-client/21',
    },
  });
}

describe('HubGW, as the Java plugin calls it', () => {
  it('PUT /homes/ with max_homes null and coordinates as doubles', async () => {
    const player = crypto.randomUUID();
    const res = await java(
      'PUT',
      '/homes/',
      `{"player_uuid":"${player}","name":"base","world":"world","x":100.0,"y":64.0,"z":-20.5,"yaw":0.0,"pitch":0.0,"is_public":false,"max_homes":null}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      player_uuid: player,
      name: 'base',
      world: 'world',
      x: 100,
      y: 64,
      z: -20.5,
      yaw: 0,
      pitch: 0,
      is_public: false,
      created_at: clock.now.toISOString(),
      updated_at: clock.now.toISOString(),
    });
  });

  it("POST /cooldowns/ with the seed's example (both fields, 3600.0), expires_at winning, and nulls", async () => {
    const player = crypto.randomUUID();
    const expiresAt = new Date(clock.now.getTime() + 7200_000);
    const seedExample = `{"player_uuid":"${player}","cooldown_type":"daily_reward","expires_at":"${expiresAt.toISOString().replace('.000Z', 'Z')}","cooldown_seconds":3600.0,"data":null}`;
    const created = await java('POST', '/cooldowns/', seedExample);
    expect([created.status, created.body]).toEqual([201, { message: 'Cooldown created successfully' }]);
    const check = await java('POST', '/cooldowns/check', `{"player_uuid":"${player}","cooldown_type":"daily_reward"}`);
    expect(check.body).toEqual({ is_active: true, expires_at: expiresAt.toISOString(), remaining_seconds: 7200 });

    const bySeconds = await java(
      'POST',
      '/cooldowns/',
      `{"player_uuid":"${player}","cooldown_type":"home","expires_at":null,"cooldown_seconds":3600.0,"data":null}`,
    );
    expect(bySeconds.status).toBe(201);
    const homeCheck = await java('POST', '/cooldowns/check', `{"player_uuid":"${player}","cooldown_type":"home"}`);
    expect(homeCheck.body).toEqual({
      is_active: true,
      expires_at: new Date(clock.now.getTime() + 3600_000).toISOString(),
      remaining_seconds: 3600,
    });
  });

  it('POST /punishments/ with nulls, an OffsetDateTime without seconds and free-text evidence', async () => {
    const player = crypto.randomUUID();
    const res = await java(
      'POST',
      '/punishments/',
      `{"player_uuid":"${player}","player_name":"Griefer","player_ip":null,"punishment_type":"ban","reason":"Griefing","staff_uuid":null,"staff_name":null,` +
        `"expires_at":"2031-01-01T12:00+03:00","evidence_url":"see #evidence","notes":null}`,
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      player_uuid: player,
      player_name: 'Griefer',
      player_ip: null,
      punishment_type: 'ban',
      reason: 'Griefing',
      staff_uuid: null,
      staff_name: null,
      expires_at: '2031-01-01T09:00:00.000Z',
      is_active: true,
      revoked_at: null,
      revoked_by: null,
      revoked_reason: null,
      evidence_url: 'see #evidence',
      notes: null,
      created_at: clock.now.toISOString(),
      updated_at: clock.now.toISOString(),
    });
    const query = await java(
      'POST',
      '/punishments/query',
      `{"player_uuid":"${player}","punishment_type":null,"is_active":null,"page":1.0,"size":20.0}`,
    );
    expect(query.status).toBe(200);
    expect(query.body).toEqual({ punishments: [res.body], total: 1, page: 1, size: 20, pages: 1 });
  });

  it('warps: create, patch and list with nulls for what the plugin leaves unset', async () => {
    const owner = crypto.randomUUID();
    const created = await java(
      'POST',
      '/warps/',
      `{"player_uuid":"${owner}","name":"Market","world":"world","x":1.0,"y":2.0,"z":3.0,"yaw":null,"pitch":null,"is_public":null,"description":"Stalls","max_warps":null}`,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Market', yaw: 0, pitch: 0, is_public: true, description: 'Stalls' });
    const patched = await java(
      'PATCH',
      '/warps/',
      `{"player_uuid":"${owner}","name":"Market","world":null,"x":10.0,"y":null,"z":null,"yaw":null,"pitch":null,"is_public":null}`,
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...created.body, x: 10, updated_at: clock.now.toISOString() });
    const listed = await java(
      'POST',
      '/warps/list',
      `{"name":null,"world":null,"is_public":null,"page":1.0,"size":20.0}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ warps: [patched.body], total: 1, page: 1, size: 20, pages: 1 });
  });

  it('whitelist: add with an Instant of nine fraction digits and nulls', async () => {
    const res = await java(
      'POST',
      '/whitelist/add',
      `{"player_name":"Steve","added_by":"Console","added_at":"2029-12-31T23:59:59.123456789Z","expires_at":null,"is_active":null,"reason":null}`,
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      player_name: 'Steve',
      added_by: 'Console',
      added_at: '2029-12-31T23:59:59.123Z',
      expires_at: null,
      is_active: true,
      reason: null,
    });
  });

  it('audit: one record with null arguments and an OffsetDateTime timestamp', async () => {
    const player = crypto.randomUUID();
    const res = await java(
      'POST',
      '/audit/commands',
      `{"player_uuid":"${player}","player_name":"Steve","command":"/spawn","arguments":null,"server":"lobby","timestamp":"2029-12-31T23:59:59.5+01:00"}`,
    );
    expect([res.status, res.body]).toEqual([202, { accepted: 1 }]);
    const [stored] = await server.sql<{ arguments: unknown; executed_ms: number }>(
      'select arguments, extract(epoch from executed_at)::float8 * 1000 as executed_ms from hubgw.command_audit where player_uuid = ?',
      [player],
    );
    expect(stored).toEqual({ arguments: [], executed_ms: Date.parse('2029-12-31T22:59:59.500Z') });
  });

  it('LuckPerms: a player with primary_group and uuid null gets the default group and the offline UUID', async () => {
    const res = await java('POST', '/luckperms/players', `{"username":"Notch","primary_group":null,"uuid":null}`);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      uuid: 'b50ad385-829d-3141-a216-7e7d7539ba7f',
      username: 'notch',
      primary_group: 'default',
      created_at: clock.now.toISOString(),
      updated_at: clock.now.toISOString(),
    });
  });

  it("kits: an item's nbt null, and the kit's cooldown checked under its name in any case", async () => {
    const kit = await java(
      'PUT',
      '/kits/',
      `{"name":"Старт","cooldown_seconds":3600.0,"items":[{"item":"minecraft:bread","amount":16.0,"nbt":null}],"description":null}`,
    );
    expect(kit.status).toBe(200);
    expect(kit.body).toEqual({
      name: 'Старт',
      cooldown_seconds: 3600,
      items: [{ item: 'minecraft:bread', amount: 16 }],
      description: null,
      created_at: clock.now.toISOString(),
      updated_at: clock.now.toISOString(),
    });
    const player = crypto.randomUUID();
    expect((await java('POST', '/kits/claim', `{"player_uuid":"${player}","kit_name":"старт"}`)).status).toBe(200);
    for (const type of ['kit|Старт', 'kit|старт', 'KIT|СТАРТ']) {
      const check = await java('POST', '/cooldowns/check', `{"player_uuid":"${player}","cooldown_type":"${type}"}`);
      expect(check.body, type).toEqual({
        is_active: true,
        expires_at: new Date(clock.now.getTime() + 3600_000).toISOString(),
        remaining_seconds: 3600,
      });
    }
  });

  it('answers a field that is required and null with 400, naming it', async () => {
    const res = await java(
      'PUT',
      '/homes/',
      `{"player_uuid":null,"name":"base","world":"world","x":0.0,"y":0.0,"z":0.0}`,
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      message: 'Validation failed',
      code: 'validation_error',
      details: { issues: [{ path: 'player_uuid', message: expect.any(String) }] },
    });
  });
});

describe('Aurora, with nulls for what is not given', () => {
  it('PUT /api/moderation/:caseId/clear with clearedByName and reason null', async () => {
    const created = await request(server, 'POST', '/api/moderation', {
      json: {
        type: 'warn',
        userId: '123456789012345678',
        username: 'Player1',
        moderatorId: '987654321098765432',
        moderatorName: 'Mod',
        reason: 'Spam',
      },
    });
    expect(created.status).toBe(201);
    const caseId = created.body.case.caseId;
    const res = await request(server, 'PUT', `/api/moderation/${caseId}/clear`, {
      body: '{"clearedBy":"987654321098765432","clearedByName":null,"reason":null}',
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      case: {
        ...created.body.case,
        active: false,
        resolvedAt: clock.now.toISOString(),
        resolvedBy: '987654321098765432',
        resolvedReason: null,
      },
    });
  });
});
