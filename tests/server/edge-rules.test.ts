// Small rules at the HTTP edge that hold for every route: a wrong verb on a known path is 405 with Allow, tRPC
// batches are capped and each call counts against the rate limit, the unlimited health route stays unlimited with a
// trailing slash, and UUIDs are answered as stored, lower case.
import { describe, expect, it } from 'vitest';
import { API_KEY, hubgw, request, testClock, useTestServer } from '../support/server.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A batched GET of `paths` over /trpc, each without input. */
function batchPath(paths: string[]): string {
  return `/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent('{}')}`;
}

describe('a wrong verb on a known path', () => {
  const server = useTestServer();

  it('answers 405 with Allow in Aurora’s format', async () => {
    const res = await request(server, 'DELETE', '/api/health');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.body).toEqual({ error: 'Method DELETE is not allowed for /api/health', details: 'allowed: GET, HEAD' });
  });

  it('answers 405 with Allow in HubGW’s format, trailing slash or not', async () => {
    for (const path of ['/api/v1/homes/', '/api/v1/homes']) {
      const res = await request(server, 'PATCH', path, { headers: { 'X-API-Key': API_KEY } });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('PUT');
      expect(res.body).toEqual({
        message: `Method PATCH is not allowed for ${path}`,
        code: 'method_not_allowed',
        details: { allowed: ['PUT'] },
      });
    }
  });

  it('lists every verb of a path with several', async () => {
    const res = await request(server, 'POST', '/api/users/123');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, PUT');
  });

  it('leaves an unknown path a 404', async () => {
    const res = await request(server, 'DELETE', '/api/nothing');
    expect([res.status, res.body]).toEqual([404, { error: 'No route for DELETE /api/nothing' }]);
  });
});

describe('tRPC batches over HTTP', () => {
  const server = useTestServer();

  it('of 32 calls are answered, each', async () => {
    const res = await request(server, 'GET', batchPath(Array(32).fill('server.status')));
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(32);
    for (const answer of res.body) expect(answer.result.data.database).toBe('up');
  });

  it('of 33 calls are refused whole with 400, running none', async () => {
    const res = await request(server, 'GET', batchPath(Array(33).fill('server.status')));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('BAD_REQUEST');
    expect(JSON.stringify(res.body)).not.toContain('"result"');
  });
});

describe('the rate limit', () => {
  const server = useTestServer({ env: { RATE_LIMIT__MAX: '3' } });

  it('never counts /api/health, with or without its trailing slash', async () => {
    for (let i = 0; i < 5; i++) {
      for (const path of ['/api/health', '/api/health/']) {
        const res = await request(server, 'GET', path);
        expect([path, res.status, res.headers.get('ratelimit')]).toEqual([path, 200, null]);
      }
    }
  });

  it('counts each call of a tRPC batch', async () => {
    const res = await request(server, 'GET', batchPath(Array(4).fill('aurora.classes.list')));
    const codes = (res.body as { result?: unknown; error?: { data: { code: string } } }[]).map((answer) =>
      answer.error ? answer.error.data.code : 'OK',
    );
    expect(codes).toEqual(['OK', 'OK', 'OK', 'TOO_MANY_REQUESTS']);
  });
});

describe('UUIDs in answers', () => {
  const clock = testClock();
  const server = useTestServer({ clock: clock.read });
  const upper = '6F1D2C3B-4A59-4E8F-9B7A-0C1D2E3F4A5B';
  const lower = upper.toLowerCase();

  it('are lower case in PUT /homes/, as stored and as every GET answers them', async () => {
    const home = { name: 'base', world: 'world', x: 1, y: 64, z: 2, yaw: 0, pitch: 0, is_public: false };
    const put = await hubgw(server, 'PUT', '/homes/', { json: { player_uuid: upper, ...home } });
    const stored = {
      id: expect.stringMatching(UUID),
      player_uuid: lower,
      ...home,
      created_at: clock.now.toISOString(),
      updated_at: clock.now.toISOString(),
    };
    expect([put.status, put.body]).toEqual([200, stored]);
    const listed = await hubgw(server, 'GET', `/homes/${upper}`);
    expect(listed.body).toEqual({ homes: [stored], total: 1 });
  });

  it('are lower case in POST /teleport-history/', async () => {
    const teleport = {
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
    const res = await hubgw(server, 'POST', '/teleport-history/', { json: { player_uuid: upper, ...teleport } });
    expect([res.status, res.body]).toEqual([
      201,
      { id: expect.any(String), player_uuid: lower, ...teleport, created_at: clock.now.toISOString() },
    ]);
  });
});
