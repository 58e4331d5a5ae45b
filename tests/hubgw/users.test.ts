// HubGW's account links, and its procedures over tRPC with the same key.
import { describe, expect, it } from 'vitest';
import { API_KEY, hubgw, request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const PLAYER = '069a79f4-44e9-4726-a5be-fca90e38aaf5';
describe('users', () => {
  it('GET /users/users/{name}/game-id answers 404 until a link is written, then the game id', async () => {
    const missing = await hubgw(server, 'GET', '/users/users/SiteUser/game-id');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      message: "User 'SiteUser' not found",
      code: 'not_found',
      details: { name: 'SiteUser' },
    });
    const put = await hubgw(server, 'PUT', '/users/users/SiteUser/game-id', { json: { game_id: PLAYER } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ game_id: PLAYER });
    const res = await hubgw(server, 'GET', '/users/users/siteuser/game-id');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ game_id: PLAYER });
  });
});

describe('over tRPC', () => {
  it('each HubGW procedure is callable as hubgw.<resource>.<verb> with the same key', async () => {
    const input = encodeURIComponent(JSON.stringify({ player_uuid: PLAYER }));
    const res = await request(server, 'GET', `/trpc/hubgw.punishments.banStatus?input=${input}`, {
      headers: { 'X-API-Key': API_KEY },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: { data: { is_banned: false, punishment: null } } });
    const denied = await request(server, 'GET', `/trpc/hubgw.punishments.banStatus?input=${input}`);
    expect(denied.status).toBe(401);
  });
});
