// The hot reads, and the cooldown's write, are compiled once and replayed with new values (compiled-once.ts): call after call, a replayed read
// answers what the write stored, its rows named and decoded as a query built anew reads them (timestamps as Dates,
// int8 as decimal strings), and so on each of two servers in one process, whose ORMs each have a naming plugin.
import { describe, expect, it } from 'vitest';
import { hubgw, request, type TestResponse, type TestServer, testClock, useTestServer } from '../support/server.ts';

const clock = testClock();
const servers = { first: useTestServer({ clock: clock.read }), second: useTestServer({ clock: clock.read }) };

/** Past 2^53: PGlite gives it as a BigInt, PostgreSQL as text, and the API as this decimal string. */
const PRICE = '9007199254740993';

const answer = ({ status, body }: TestResponse) => [status, body];

async function storeAndReadBack(server: TestServer) {
  const player = crypto.randomUUID();
  const home = await hubgw(server, 'PUT', '/homes/', {
    json: { player_uuid: player, name: 'base', world: 'world', x: 1.5, y: 64, z: -2, yaw: 90, pitch: 0 },
  });
  expect(home.status).toBe(200);
  const item = await request(server, 'POST', '/api/items', {
    json: { name: `Relic ${player}`, type: 'CONSUMABLE', rarity: 'C', price: PRICE },
  });
  expect(item.status).toBe(201);
  const otherItem = await request(server, 'POST', '/api/items', {
    json: { name: `Charm ${player}`, type: 'MISC', rarity: 'R', price: '7' },
  });
  expect(otherItem.status).toBe(201);
  const cooldown = { player_uuid: player, cooldown_type: 'teleport' };
  expect((await hubgw(server, 'POST', '/cooldowns/', { json: { ...cooldown, cooldown_seconds: 90 } })).status).toBe(
    201,
  );
  // Another player's cooldown of another type: a replay must take each call's player, type and time.
  const otherCooldown = { player_uuid: crypto.randomUUID(), cooldown_type: 'heal' };
  expect(
    (await hubgw(server, 'POST', '/cooldowns/', { json: { ...otherCooldown, cooldown_seconds: 40 } })).status,
  ).toBe(201);
  const setAt = clock.now.getTime();
  const punish = (punishment_type: string) =>
    hubgw(server, 'POST', '/punishments/', {
      json: {
        player_uuid: player,
        player_name: 'Griefer',
        punishment_type,
        reason: 'Griefing spawn',
        expires_at: new Date(clock.now.getTime() + 3600_000).toISOString(),
      },
    });
  const ban = await punish('ip_ban');
  expect(ban.status).toBe(201);
  const mute = await punish('mute');
  expect(mute.status).toBe(201);

  for (let call = 0; call < 3; call++) {
    const elapsed = clock.now.getTime() - setAt;
    expect(answer(await hubgw(server, 'GET', `/homes/${player}`))).toEqual([200, { homes: [home.body], total: 1 }]);
    expect(answer(await request(server, 'GET', `/api/items/${item.body.item.id}`))).toEqual([
      200,
      { ...item.body.item, price: PRICE },
    ]);
    expect(answer(await request(server, 'GET', `/api/items/${otherItem.body.item.id}`))).toEqual([
      200,
      otherItem.body.item,
    ]);
    expect(answer(await hubgw(server, 'POST', '/cooldowns/check', { json: cooldown }))).toEqual([
      200,
      {
        is_active: true,
        expires_at: new Date(setAt + 90_000).toISOString(),
        remaining_seconds: 90 - elapsed / 1000,
      },
    ]);
    expect(answer(await hubgw(server, 'POST', '/cooldowns/check', { json: otherCooldown }))).toEqual([
      200,
      {
        is_active: true,
        expires_at: new Date(setAt + 40_000).toISOString(),
        remaining_seconds: 40 - elapsed / 1000,
      },
    ]);
    expect(answer(await hubgw(server, 'GET', `/punishments/ban/${player}`))).toEqual([
      200,
      { is_banned: true, punishment: ban.body },
    ]);
    // A query of its own: its list of types is part of the SQL.
    expect(answer(await hubgw(server, 'GET', `/punishments/mute/${player}`))).toEqual([
      200,
      { is_muted: true, punishment: mute.body },
    ]);
    clock.advance(10);
  }
  // Past the other cooldown's end and the punishments' hour: the replays take this call's time.
  clock.advance(3600);
  expect(answer(await hubgw(server, 'POST', '/cooldowns/check', { json: otherCooldown }))).toEqual([
    200,
    { is_active: false, expires_at: null, remaining_seconds: 0 },
  ]);
  expect((await hubgw(server, 'GET', `/punishments/ban/${player}`)).body).toEqual({
    is_banned: false,
    punishment: null,
  });
  // The cooldown's statement is a write compiled once: set again, it replaces the first with this call's values.
  const again = { ...cooldown, cooldown_seconds: 30, data: { from: 'market', uses: [1, 2] } };
  expect((await hubgw(server, 'POST', '/cooldowns/', { json: again })).status).toBe(201);
  expect(answer(await hubgw(server, 'POST', '/cooldowns/check', { json: cooldown }))).toEqual([
    200,
    { is_active: true, expires_at: new Date(clock.now.getTime() + 30_000).toISOString(), remaining_seconds: 30 },
  ]);
  expect(
    await server.sql('select data from hubgw.cooldowns where player_uuid = ? and cooldown_type = ?', [
      player,
      'teleport',
    ]),
  ).toEqual([{ data: again.data }]);
  // The replays take each call's values: another player has none of these.
  const stranger = crypto.randomUUID();
  expect((await hubgw(server, 'GET', `/homes/${stranger}`)).body).toEqual({ homes: [], total: 0 });
  expect((await hubgw(server, 'GET', `/punishments/ban/${stranger}`)).body).toEqual({
    is_banned: false,
    punishment: null,
  });
}

describe('hot queries compiled once', () => {
  it('answer with the rows as stored, on every call', () => storeAndReadBack(servers.first));

  it('answer so on a second server in the same process too', () => storeAndReadBack(servers.second));
});
