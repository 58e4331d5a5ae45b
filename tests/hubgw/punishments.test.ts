// HubGW punishments, as the HubGW API document and the README's "HubGW behaviour the document leaves open" describe
// them.
import { describe, expect, it } from 'vitest';
import { hubgw, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const STAFF = '0f0f0f0f-0000-4000-8000-000000000000';

function punishmentBody(player: string, overrides: Record<string, unknown> = {}) {
  return {
    player_uuid: player,
    player_name: 'Griefer',
    player_ip: '192.168.1.1',
    punishment_type: 'ban',
    reason: 'Griefing spawn',
    staff_uuid: STAFF,
    staff_name: 'Moderator',
    expires_at: new Date(clock.now.getTime() + 3600_000).toISOString(),
    evidence_url: 'https://example.org/evidence/1.png',
    notes: 'Second offence',
    ...overrides,
  };
}

const create = (player: string, overrides: Record<string, unknown> = {}) =>
  hubgw(server, 'POST', '/punishments/', { json: punishmentBody(player, overrides) });

describe('POST /punishments/', () => {
  it('creates a punishment: 201 with the whole record', async () => {
    const player = crypto.randomUUID();
    const res = await create(player);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      ...punishmentBody(player),
      is_active: true,
      revoked_at: null,
      revoked_by: null,
      revoked_reason: null,
      created_at: clock.now.toISOString(),
      updated_at: clock.now.toISOString(),
    });
  });

  it('refuses a second active ban (ban or ip_ban) with 409, and a second mute', async () => {
    const player = crypto.randomUUID();
    const first = await create(player);
    const second = await create(player, { punishment_type: 'ip_ban' });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      message: 'Player already has an active ban',
      code: 'already_exists',
      details: { player_uuid: player, punishment_id: first.body.id },
    });
    const mute = await create(player, { punishment_type: 'mute' });
    expect(mute.status).toBe(201);
    const secondMute = await create(player, { punishment_type: 'mute' });
    expect([secondMute.status, secondMute.body]).toEqual([
      409,
      {
        message: 'Player already has an active mute',
        code: 'already_exists',
        details: { player_uuid: player, punishment_id: mute.body.id },
      },
    ]);
    expect((await create(player, { punishment_type: 'warn' })).status).toBe(201);
    expect((await create(player, { punishment_type: 'warn' })).status).toBe(201);
  });

  it('refuses a ban during an active ip_ban naming the ip_ban, and an ip_ban during a ban naming the ban', async () => {
    const [ipBanned, banned] = [crypto.randomUUID(), crypto.randomUUID()];
    const ipBan = await create(ipBanned, { punishment_type: 'ip_ban' });
    const ban = await create(banned, { punishment_type: 'ban' });
    const cases: [string, string, string][] = [
      [ipBanned, 'ban', ipBan.body.id],
      [banned, 'ip_ban', ban.body.id],
    ];
    for (const [player, type, holder] of cases) {
      const refused = await create(player, { punishment_type: type });
      expect([refused.status, refused.body], type).toEqual([
        409,
        {
          message: 'Player already has an active ban',
          code: 'already_exists',
          details: { player_uuid: player, punishment_id: holder },
        },
      ]);
    }
  });

  it('frees the slot of a mute or ban from the instant it expires: a new mute, and either kind of ban after an ip_ban', async () => {
    const cases: [string, string][] = [
      ['mute', 'mute'],
      ['ip_ban', 'ip_ban'],
      ['ip_ban', 'ban'],
      ['ban', 'ip_ban'],
    ];
    for (const [expiring, next] of cases) {
      const player = crypto.randomUUID();
      const old = await create(player, {
        punishment_type: expiring,
        expires_at: new Date(clock.now.getTime() + 60_000).toISOString(),
      });
      clock.advance(60);
      const renewed = await create(player, { punishment_type: next });
      expect([renewed.status, renewed.body], `${next} after ${expiring}`).toEqual([
        201,
        {
          id: expect.any(String),
          ...punishmentBody(player, { punishment_type: next }),
          is_active: true,
          revoked_at: null,
          revoked_by: null,
          revoked_reason: null,
          created_at: clock.now.toISOString(),
          updated_at: clock.now.toISOString(),
        },
      ]);
      const history = await hubgw(server, 'POST', '/punishments/query', { json: { player_uuid: player } });
      expect(history.body.punishments.map((p: { id: string; is_active: boolean }) => [p.id, p.is_active])).toEqual([
        [renewed.body.id, true],
        [old.body.id, false],
      ]);
    }
  });

  it('allows a new ban once the old one has expired, and reports the old one inactive', async () => {
    const player = crypto.randomUUID();
    const old = await create(player, { expires_at: new Date(clock.now.getTime() + 60_000).toISOString() });
    clock.advance(61);
    expect((await hubgw(server, 'GET', `/punishments/ban/${player}`)).body).toEqual({
      is_banned: false,
      punishment: null,
    });
    const renewed = await create(player, { expires_at: null });
    expect(renewed.status).toBe(201);
    expect(renewed.body.expires_at).toBeNull();
    const history = await hubgw(server, 'POST', '/punishments/query', { json: { player_uuid: player } });
    expect(history.body.punishments.map((p: { id: string; is_active: boolean }) => [p.id, p.is_active])).toEqual([
      [renewed.body.id, true],
      [old.body.id, false],
    ]);
  });

  it('refuses an unknown type, a bad ip or uuid', async () => {
    const res = await hubgw(server, 'POST', '/punishments/', {
      json: punishmentBody('nope', { punishment_type: 'jail', player_ip: '999.1.1.1' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'player_ip',
      'player_uuid',
      'punishment_type',
    ]);
  });

  it('stores a punishment that expired already as inactive, as an imported ban history needs', async () => {
    const player = crypto.randomUUID();
    const past = await create(player, { expires_at: '2024-01-01T00:00:00Z' });
    expect(past.status).toBe(201);
    expect(past.body).toMatchObject({
      player_uuid: player,
      punishment_type: 'ban',
      expires_at: '2024-01-01T00:00:00.000Z',
      is_active: false,
    });
    const status = await hubgw(server, 'GET', `/punishments/ban/${player}`);
    expect(status.body).toEqual({ is_banned: false, punishment: null });
    const current = await create(player, {});
    expect(current.status).toBe(201);
  });

  it('stores an expired ban beside an active one, inactive, and the active ban stays the one reported', async () => {
    const player = crypto.randomUUID();
    const active = await create(player);
    const imported = await create(player, { expires_at: '2024-01-01T00:00:00Z', reason: 'Old ban, imported' });
    expect([imported.status, imported.body]).toEqual([
      201,
      {
        id: expect.any(String),
        ...punishmentBody(player, { expires_at: '2024-01-01T00:00:00.000Z', reason: 'Old ban, imported' }),
        is_active: false,
        revoked_at: null,
        revoked_by: null,
        revoked_reason: null,
        created_at: clock.now.toISOString(),
        updated_at: clock.now.toISOString(),
      },
    ]);
    expect((await hubgw(server, 'GET', `/punishments/ban/${player}`)).body).toEqual({
      is_banned: true,
      punishment: active.body,
    });
  });

  it('takes an expiry at the very instant of creation as over: stored inactive beside an active ban', async () => {
    const player = crypto.randomUUID();
    const active = await create(player);
    const instant = await create(player, { expires_at: clock.now.toISOString(), reason: 'Expires as it is made' });
    expect([instant.status, instant.body.is_active]).toEqual([201, false]);
    expect((await hubgw(server, 'GET', `/punishments/ban/${player}`)).body).toEqual({
      is_banned: true,
      punishment: active.body,
    });
  });
});

describe('POST /punishments/revoke', () => {
  it('revokes: 200 with is_active false and the revocation recorded', async () => {
    const player = crypto.randomUUID();
    const created = await create(player, { punishment_type: 'mute' });
    clock.advance(10);
    const res = await hubgw(server, 'POST', '/punishments/revoke', {
      json: { punishment_id: created.body.id, revoked_by: 'Admin', revoked_reason: 'Appeal accepted' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...created.body,
      is_active: false,
      revoked_at: clock.now.toISOString(),
      revoked_by: 'Admin',
      revoked_reason: 'Appeal accepted',
      updated_at: clock.now.toISOString(),
    });
    expect((await hubgw(server, 'GET', `/punishments/mute/${player}`)).body).toEqual({
      is_muted: false,
      punishment: null,
    });
  });

  it('answers 400 invalid_state for a revoked or an expired punishment, 404 for an unknown one', async () => {
    const player = crypto.randomUUID();
    const ban = await create(player, { expires_at: new Date(clock.now.getTime() + 5_000).toISOString() });
    await hubgw(server, 'POST', '/punishments/revoke', { json: { punishment_id: ban.body.id, revoked_by: 'Admin' } });
    const twice = await hubgw(server, 'POST', '/punishments/revoke', {
      json: { punishment_id: ban.body.id, revoked_by: 'Admin' },
    });
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({
      message: 'Punishment is already revoked',
      code: 'invalid_state',
      details: { punishment_id: ban.body.id, state: 'revoked' },
    });

    const mute = await create(player, {
      punishment_type: 'mute',
      expires_at: new Date(clock.now.getTime() + 5_000).toISOString(),
    });
    clock.advance(6);
    const expired = await hubgw(server, 'POST', '/punishments/revoke', {
      json: { punishment_id: mute.body.id, revoked_by: 'Admin' },
    });
    expect(expired.body).toEqual({
      message: 'Punishment is already expired',
      code: 'invalid_state',
      details: { punishment_id: mute.body.id, state: 'expired' },
    });

    const unknown = crypto.randomUUID();
    const missing = await hubgw(server, 'POST', '/punishments/revoke', {
      json: { punishment_id: unknown, revoked_by: 'Admin' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      message: `Punishment '${unknown}' not found`,
      code: 'not_found',
      details: { punishment_id: unknown },
    });
  });
});

describe('ban and mute status', () => {
  it('GET /punishments/ban/{uuid} reports an active ban or ip_ban with the record', async () => {
    const player = crypto.randomUUID();
    expect((await hubgw(server, 'GET', `/punishments/ban/${player}`)).body).toEqual({
      is_banned: false,
      punishment: null,
    });
    const ban = await create(player, { punishment_type: 'ip_ban' });
    const res = await hubgw(server, 'GET', `/punishments/ban/${player}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ is_banned: true, punishment: ban.body });
    expect((await hubgw(server, 'GET', `/punishments/mute/${player}`)).body).toEqual({
      is_muted: false,
      punishment: null,
    });
  });

  it('GET /punishments/mute/{uuid} reports an active mute', async () => {
    const player = crypto.randomUUID();
    const mute = await create(player, { punishment_type: 'mute' });
    expect((await hubgw(server, 'GET', `/punishments/mute/${player}`)).body).toEqual({
      is_muted: true,
      punishment: mute.body,
    });
    expect((await hubgw(server, 'GET', `/punishments/ban/${player}`)).body.is_banned).toBe(false);
  });
});

describe('POST /punishments/query', () => {
  it('filters by player, type and effective activity, newest first, paged', async () => {
    const player = crypto.randomUUID();
    const warns = [];
    for (let i = 0; i < 3; i++) {
      warns.push((await create(player, { punishment_type: 'warn', reason: `warn ${i}` })).body);
      clock.advance(1);
    }
    await hubgw(server, 'POST', '/punishments/revoke', { json: { punishment_id: warns[0].id, revoked_by: 'Admin' } });
    const page = await hubgw(server, 'POST', '/punishments/query', {
      json: { player_uuid: player, punishment_type: 'warn', is_active: true, page: 1, size: 1 },
    });
    expect(page.status).toBe(200);
    expect(page.body).toEqual({ punishments: [{ ...warns[2] }], total: 2, page: 1, size: 1, pages: 2 });
    const inactive = await hubgw(server, 'POST', '/punishments/query', {
      json: { player_uuid: player, is_active: false },
    });
    expect(inactive.body.punishments.map((p: { id: string }) => p.id)).toEqual([warns[0].id]);
    expect(inactive.body).toMatchObject({ total: 1, page: 1, size: 20, pages: 1 });
  });
});
