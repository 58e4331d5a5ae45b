// Aurora with an admin token configured, over REST and tRPC, and the per-client rate limit.
import { describe, expect, it } from 'vitest';
import { API_KEY, request, useTestServer } from '../support/server.ts';

const TOKEN = 'aurora-admin-token-0123';
const bearer = { Authorization: `Bearer ${TOKEN}` };

describe('admin token', () => {
  const server = useTestServer({ env: { SECURITY__ADMIN_TOKEN: TOKEN } });

  it('every Aurora route but health answers 401 without the token, with a wrong one, or with the HubGW key', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/users'],
      ['GET', '/api/items'],
      ['POST', '/api/items'],
      ['GET', '/api/settings'],
      ['POST', '/api/actions/clear-cache'],
      ['GET', '/api/stats'],
    ];
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { 'X-API-Key': API_KEY }];
    for (const [method, path] of routes) {
      for (const headers of attempts) {
        const res = await request(server, method, path, { headers, json: method === 'POST' ? {} : undefined });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body).toEqual({ error: 'Missing or invalid admin token' });
      }
    }
  });

  it('serves the caller with the token; health and assets stay open', async () => {
    expect((await request(server, 'GET', '/api/users', { headers: bearer })).status).toBe(200);
    expect((await request(server, 'GET', '/api/health')).status).toBe(200);
    expect((await request(server, 'GET', '/assets/items/1.png')).status).toBe(404);
  });

  it('tRPC needs the token too', async () => {
    expect((await request(server, 'GET', '/trpc/aurora.stats.get')).status).toBe(401);
    const res = await request(server, 'GET', '/trpc/aurora.stats.get', { headers: bearer });
    expect(res.status).toBe(200);
    expect(res.body.result.data.totalUsers).toBe(0);
  });
});

describe('rate limit', () => {
  const server = useTestServer({ env: { RATE_LIMIT__MAX: '5', RATE_LIMIT__WINDOW_SECONDS: '3600' } });

  it('answers 429 with RateLimit and Retry-After past the limit; health and HubGW are not counted', async () => {
    for (let i = 0; i < 3; i++) expect((await request(server, 'GET', '/api/health')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await request(server, 'GET', '/api/v1/health')).status).toBe(200);
    const allowed = [];
    for (let i = 0; i < 5; i++) allowed.push(await request(server, 'GET', '/api/items'));
    expect(allowed.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    expect(allowed[4]!.headers.get('ratelimit')).toMatch(/^limit=5, remaining=0, reset=\d+$/);
    expect(allowed[0]!.headers.get('ratelimit-policy')).toBe('5;w=3600');
    const refused = await request(server, 'GET', '/api/items');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: 'Too many requests',
      details: expect.stringMatching(/^at most 5 requests per 3600 s; retry in \d+ s$/),
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await request(server, 'GET', '/api/health')).status).toBe(200);
  });
});
