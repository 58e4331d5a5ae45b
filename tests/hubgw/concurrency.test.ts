// HubGW invariants under many parallel requests. PGlite runs one transaction at a time, so these need PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../support/database.ts';
import { hubgw, startTestServer, type TestServer } from '../support/server.ts';

const PARALLEL = 20;

describe.skipIf(!onPostgres)('concurrency on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  async function statuses(requests: (() => Promise<{ status: number }>)[]): Promise<Record<number, number>> {
    const results = await Promise.all(requests.map((send) => send()));
    const counts: Record<number, number> = {};
    for (const { status } of results) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }

  it('concurrent claims of one kit: exactly one succeeds', async () => {
    await hubgw(server, 'PUT', '/kits/', {
      json: { name: 'race', cooldown_seconds: 3600, items: [{ item: 'minecraft:diamond', amount: 1 }] },
    });
    const player = crypto.randomUUID();
    const counts = await statuses(
      Array.from(
        { length: PARALLEL },
        () => () => hubgw(server, 'POST', '/kits/claim', { json: { player_uuid: player, kit_name: 'race' } }),
      ),
    );
    expect(counts).toEqual({ 200: 1, 400: PARALLEL - 1 });
  });

  it('concurrent home creations never exceed max_homes', async () => {
    const player = crypto.randomUUID();
    const counts = await statuses(
      Array.from(
        { length: PARALLEL },
        (_, i) => () =>
          hubgw(server, 'PUT', '/homes/', {
            json: { player_uuid: player, name: `home-${i}`, world: 'world', x: 0, y: 0, z: 0, max_homes: 5 },
          }),
      ),
    );
    expect(counts).toEqual({ 200: 5, 409: PARALLEL - 5 });
    expect((await hubgw(server, 'GET', `/homes/${player}`)).body.total).toBe(5);
  });

  it("concurrent warps of one name by different owners: one 201, the rest 409 naming the winner's owner", async () => {
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        hubgw(server, 'POST', '/warps/', {
          json: { player_uuid: crypto.randomUUID(), name: 'contested', world: 'world', x: 0, y: 0, z: 0 },
        }),
      ),
    );
    const winners = results.filter((res) => res.status === 201);
    expect(winners).toHaveLength(1);
    expect(results.filter((res) => res.status !== 201).map((res) => [res.status, res.body])).toEqual(
      Array(PARALLEL - 1).fill([
        409,
        {
          message: "Warp 'contested' already exists",
          code: 'already_exists',
          details: { owner_uuid: winners[0]!.body.player_uuid },
        },
      ]),
    );
    expect((await hubgw(server, 'POST', '/warps/list', { json: { name: 'contested' } })).body.total).toBe(1);
  });

  it('concurrent warps of one owner never exceed max_warps', async () => {
    const owner = crypto.randomUUID();
    const counts = await statuses(
      Array.from(
        { length: PARALLEL },
        (_, i) => () =>
          hubgw(server, 'POST', '/warps/', {
            json: { player_uuid: owner, name: `${owner}-${i}`, world: 'world', x: 0, y: 0, z: 0, max_warps: 3 },
          }),
      ),
    );
    expect(counts).toEqual({ 201: 3, 409: PARALLEL - 3 });
  });

  it('concurrent bans of one player: one 201, the rest 409', async () => {
    const player = crypto.randomUUID();
    const counts = await statuses(
      Array.from(
        { length: PARALLEL },
        (_, i) => () =>
          hubgw(server, 'POST', '/punishments/', {
            json: {
              player_uuid: player,
              player_name: 'Racer',
              punishment_type: i % 2 ? 'ban' : 'ip_ban',
              reason: 'race',
            },
          }),
      ),
    );
    expect(counts).toEqual({ 201: 1, 409: PARALLEL - 1 });
    const active = await hubgw(server, 'POST', '/punishments/query', {
      json: { player_uuid: player, is_active: true },
    });
    expect(active.body.total).toBe(1);
  });

  it('concurrent whitelist adds of one name: one 201, the rest 409', async () => {
    const counts = await statuses(
      Array.from(
        { length: PARALLEL },
        (_, i) => () =>
          hubgw(server, 'POST', '/whitelist/add', { json: { player_name: 'Rushed', added_by: `mod${i}` } }),
      ),
    );
    expect(counts).toEqual({ 201: 1, 409: PARALLEL - 1 });
  });

  it('concurrent LuckPerms players of one username: one 201, the rest 409', async () => {
    const counts = await statuses(
      Array.from(
        { length: PARALLEL },
        () => () =>
          hubgw(server, 'POST', '/luckperms/players', { json: { username: 'Twin', uuid: crypto.randomUUID() } }),
      ),
    );
    expect(counts).toEqual({ 201: 1, 409: PARALLEL - 1 });
  });

  it('concurrent revokes of one punishment: one 200 recorded as its revoker, the rest 400 invalid_state', async () => {
    const player = crypto.randomUUID();
    const ban = await hubgw(server, 'POST', '/punishments/', {
      json: { player_uuid: player, player_name: 'Appealer', punishment_type: 'ban', reason: 'race' },
    });
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        hubgw(server, 'POST', '/punishments/revoke', { json: { punishment_id: ban.body.id, revoked_by: `mod${i}` } }),
      ),
    );
    const winners = results.filter((res) => res.status === 200);
    expect(winners).toHaveLength(1);
    const losers = results.filter((res) => res.status !== 200);
    expect(losers.map((res) => [res.status, res.body])).toEqual(
      Array(PARALLEL - 1).fill([
        400,
        {
          message: 'Punishment is already revoked',
          code: 'invalid_state',
          details: { punishment_id: ban.body.id, state: 'revoked' },
        },
      ]),
    );
    const [stored] = (await hubgw(server, 'POST', '/punishments/query', { json: { player_uuid: player } })).body
      .punishments;
    expect(stored).toEqual(winners[0]!.body);
  });

  it('a PATCH and a DELETE of one warp at once end as one of the two serial orders, as its live events tell', async () => {
    const owner = crypto.randomUUID();
    // A round's events are the hubgw events after the last one before it: the file's tests run one at a time.
    const lastEventId = async () =>
      (await server.sql<{ id: string }>(`select coalesce(max(id), 0) as id from live_events`))[0]!.id;
    for (let round = 0; round < PARALLEL; round++) {
      const warp = { player_uuid: owner, name: `${owner}-${round}` };
      const before = await lastEventId();
      await hubgw(server, 'POST', '/warps/', { json: { ...warp, world: 'world', x: 0, y: 0, z: 0 } });
      const [patched, deleted] = await Promise.all([
        hubgw(server, 'PATCH', '/warps/', { json: { ...warp, x: 1 } }),
        hubgw(server, 'DELETE', '/warps/', { json: warp }),
      ]);
      expect(deleted.status).toBe(204);
      // Event ids are drawn in commit order: a change that answered 200 committed before the delete, or it would
      // have found no warp and answered 404.
      const events = await server.sql<{ type: string }>(
        `select type from live_events where family = 'hubgw' and id > ? order by id`,
        [before],
      );
      const types = events.map((event) => event.type);
      if (patched.status === 200) expect(types).toEqual(['warps.create', 'warps.update', 'warps.delete']);
      else {
        expect(patched.status).toBe(404);
        expect(types).toEqual(['warps.create', 'warps.delete']);
      }
    }
  });

  it('concurrent deletes of one warp: one 204, the rest 404', async () => {
    const owner = crypto.randomUUID();
    const warp = { player_uuid: owner, name: `${owner}-gone` };
    await hubgw(server, 'POST', '/warps/', { json: { ...warp, world: 'world', x: 0, y: 0, z: 0 } });
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () => hubgw(server, 'DELETE', '/warps/', { json: warp })),
    );
    expect(results.filter((res) => res.status === 204)).toHaveLength(1);
    expect(results.filter((res) => res.status !== 204).map((res) => [res.status, res.body])).toEqual(
      Array(PARALLEL - 1).fill([
        404,
        { message: `Warp '${warp.name}' not found`, code: 'not_found', details: { name: warp.name } },
      ]),
    );
  });
});
