// Ways around the rules that routes already follow: miscased paths, the rate limit over /trpc and /ws, the bearer
// scheme's case, tRPC's own client errors, and WebSocket batches.
import { describe, expect, it } from 'vitest';
import { collect, liveClient } from '../support/live.ts';
import { API_KEY, request, useTestServer, type TestServer } from '../support/server.ts';

const TOKEN = 'side-door-admin-token';
const bearer = { Authorization: `Bearer ${TOKEN}` };

/** An open raw WebSocket to /ws, and the tRPC replies it receives, parsed (keep-alive PINGs left out). */
async function openSocket(server: TestServer) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`);
  const replies: any[] = [];
  socket.addEventListener('message', (event) => {
    if (event.data !== 'PING') replies.push(JSON.parse(String(event.data)));
  });
  await new Promise((resolve) => socket.addEventListener('open', resolve));
  return { socket, replies };
}

describe('paths are case-sensitive', () => {
  const server = useTestServer({ env: { SECURITY__ADMIN_TOKEN: TOKEN } });

  it('answers 404 to a miscased path, in the family its path names', async () => {
    const aurora = await request(server, 'GET', '/API/users', { headers: bearer });
    expect([aurora.status, aurora.body]).toEqual([404, { error: 'No route for GET /API/users' }]);
    const hubgw = await request(server, 'GET', '/api/V1/health/', { headers: { 'X-API-Key': API_KEY } });
    expect([hubgw.status, hubgw.body]).toEqual([
      404,
      { message: 'No route for GET /api/V1/health/', code: 'not_found' },
    ]);
    expect((await request(server, 'GET', '/Trpc/aurora.stats.get', { headers: bearer })).status).toBe(404);
  });

  it('takes the bearer scheme in any case', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const res = await request(server, 'GET', '/api/users', { headers: { Authorization: `${scheme} ${TOKEN}` } });
      expect(res.status, scheme).toBe(200);
    }
    expect((await request(server, 'GET', '/api/users', { headers: { Authorization: `Basic ${TOKEN}` } })).status).toBe(
      401,
    );
  });

  it("reports tRPC's client errors as the caller's, with tRPC's message", async () => {
    const malformed = await request(server, 'POST', '/trpc/aurora.actions.clearCache', {
      body: '{"nope": ',
      headers: { ...bearer, 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).not.toBe('Internal server error');
    expect(malformed.body.error.data).toMatchObject({
      code: 'BAD_REQUEST',
      appCode: 'validation_error',
      httpStatus: 400,
    });

    const wrongMethod = await request(server, 'GET', '/trpc/aurora.actions.clearCache', { headers: bearer });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.data).toMatchObject({
      code: 'METHOD_NOT_SUPPORTED',
      appCode: 'method_not_allowed',
      httpStatus: 405,
    });
    expect(wrongMethod.body.error.message).not.toBe('Internal server error');

    const unknown = await request(server, 'GET', '/trpc/aurora.nothing', { headers: bearer });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.data).toMatchObject({ code: 'NOT_FOUND', appCode: 'not_found' });
  });

  it('reports a malformed WebSocket message as a parse error, not an internal one', async () => {
    const { socket, replies } = await openSocket(server);
    socket.send('{"id": 1, "method": ');
    await expect.poll(() => replies.length).toBe(1);
    socket.close();
    expect(replies[0].error.message).not.toBe('Internal server error');
    expect(replies[0].error.data).toMatchObject({ code: 'PARSE_ERROR', appCode: 'validation_error' });
  });

  it('refuses a WebSocket batch of more than 32 calls, and answers one of 32', async () => {
    const { socket, replies } = await openSocket(server);
    const batch = (size: number, from: number) =>
      JSON.stringify(
        Array.from({ length: size }, (_, i) => ({
          id: from + i,
          method: 'query',
          params: { path: 'aurora.health', input: undefined },
        })),
      );
    socket.send(batch(33, 1));
    socket.send(batch(32, 100));
    await expect.poll(() => replies.length).toBe(65);
    socket.close();
    const refused = replies.filter((reply) => reply.id < 100);
    expect(
      refused.every(
        (reply) =>
          reply.error?.data?.code === 'BAD_REQUEST' && reply.error.message === 'Batch call exceeds maximum size',
      ),
    ).toBe(true);
    expect(replies.filter((reply) => reply.id >= 100).every((reply) => reply.result?.data?.status === 'ok')).toBe(true);
  });
});

describe('one rate limit per client across REST, /trpc and /ws', () => {
  const server = useTestServer({ env: { RATE_LIMIT__MAX: '4', RATE_LIMIT__WINDOW_SECONDS: '3600' } });

  it('counts tRPC calls over HTTP and WebSocket against the REST limit, and refuses them past it', async () => {
    expect((await request(server, 'GET', '/api/items')).status).toBe(200);
    expect((await request(server, 'GET', '/trpc/aurora.stats.get')).status).toBe(200);
    const client = liveClient(server);
    try {
      expect(await client.trpc.aurora.items.list.query({})).toMatchObject({ total: 0 });
      expect((await request(server, 'GET', '/api/items')).status).toBe(200);

      const overHttp = await request(server, 'GET', '/trpc/aurora.stats.get');
      expect(overHttp.status).toBe(429);
      expect(overHttp.body.error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'rate_limited' });
      await expect(client.trpc.aurora.items.list.query({})).rejects.toMatchObject({
        data: { code: 'TOO_MANY_REQUESTS' },
      });
      await expect(
        collect((handlers) => client.trpc.aurora.live.stats.subscribe(undefined, handlers), 1, 3000),
      ).rejects.toMatchObject({
        data: { code: 'TOO_MANY_REQUESTS' },
      });
      expect((await request(server, 'GET', '/API/items')).status).toBe(404);
      expect((await request(server, 'GET', '/api/items')).status).toBe(429);
      // HubGW is never limited, on any transport.
      expect((await request(server, 'GET', '/trpc/hubgw.health', { headers: { 'X-API-Key': API_KEY } })).status).toBe(
        200,
      );
    } finally {
      client.close();
    }
  });
});
