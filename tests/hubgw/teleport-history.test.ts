// HubGW's teleport history, as the HubGW API document describes it.
import { describe, expect, it } from 'vitest';
import { hubgw, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const PLAYER = '069a79f4-44e9-4726-a5be-fca90e38aaf5';
describe('teleport history', () => {
  const teleport = {
    player_uuid: PLAYER,
    from_world: 'world',
    from_x: 1.5,
    from_y: 64,
    from_z: -3,
    to_world: 'nether',
    to_x: 10,
    to_y: 70,
    to_z: 20.25,
    tp_type: 'warp',
    target_name: 'spawn',
  };

  it('POST /teleport-history/ answers 201 with the record', async () => {
    const res = await hubgw(server, 'POST', '/teleport-history/', { json: teleport });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), ...teleport, created_at: clock.now.toISOString() });
  });

  it('GET /teleport-history/players/{uuid} is a bare array, newest first, limited', async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(1);
      await hubgw(server, 'POST', '/teleport-history', {
        json: { ...teleport, target_name: `t${i}`, tp_type: 'home' },
      });
    }
    const res = await hubgw(server, 'GET', `/teleport-history/players/${PLAYER}?limit=2`);
    expect(res.status).toBe(200);
    expect(res.body.map((entry: { target_name: string }) => entry.target_name)).toEqual(['t2', 't1']);
    const all = await hubgw(server, 'GET', `/teleport-history/players/${PLAYER}`);
    expect(all.body).toHaveLength(4);
  });

  it('refuses a limit outside 1..1000', async () => {
    for (const limit of ['0', '1001', 'abc', '-5']) {
      const res = await hubgw(server, 'GET', `/teleport-history/players/${PLAYER}?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(res.body.details.issues[0].path).toBe('limit');
    }
  });
});
