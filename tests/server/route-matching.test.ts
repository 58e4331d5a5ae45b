// How a request's path finds its REST route, on the real server and raw HTTP (so the path reaches it byte for byte):
// the rules express applied before find-my-way took over the matching, kept exactly. Fixed segments are matched as
// written, never percent-decoded; a parameter is a whole non-empty segment, percent-decoded, `#` and all, of any
// length.
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/aurora.ts';
import { API_KEY, useTestServer, type TestServer } from '../support/server.ts';

const server = useTestServer();
const USER = '123456789012345678';

/** Sends `<method> <path>` as these bytes, and reads the status and JSON body of the answer. */
function rawRequest(target: TestServer, method: string, path: string): Promise<{ status: number; body: unknown }> {
  const { hostname, port } = new URL(target.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(
        `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: ${API_KEY}\r\nConnection: close\r\n\r\n`,
      ),
    );
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: body === '' ? null : JSON.parse(body) });
    });
  });
}

beforeAll(async () => {
  await createUser(server, { id: USER, username: 'Player1' });
});

describe('a REST path', () => {
  it('decodes a percent-encoded parameter', async () => {
    const encoded = [...USER].map((digit) => `%3${digit}`).join('');
    const res = await rawRequest(server, 'GET', `/api/users/${encoded}`);
    expect([res.status, (res.body as { id: string }).id]).toEqual([200, USER]);
  });

  it('never decodes a fixed segment: /api/%75sers/… is no route', async () => {
    expect(await rawRequest(server, 'GET', `/api/%75sers/${USER}`)).toEqual({
      status: 404,
      body: { error: `No route for GET /api/%75sers/${USER}` },
    });
  });

  it('takes no empty segment as a parameter', async () => {
    expect(await rawRequest(server, 'GET', '/api/users//inventory')).toEqual({
      status: 404,
      body: { error: 'No route for GET /api/users//inventory' },
    });
  });

  it('keeps a `#` in its segment: no Discord id, never taken for the user before it', async () => {
    expect(await rawRequest(server, 'GET', `/api/users/${USER}#profile`)).toEqual({
      status: 400,
      body: { error: 'Validation failed', details: 'id: must be a Discord id (digits)' },
    });
    expect((await rawRequest(server, 'GET', '/api/items#x')).status).toBe(404);
  });

  it('is a path: an absolute-form target (`GET http://host/api/items`) is no REST route', async () => {
    expect(await rawRequest(server, 'GET', 'http://127.0.0.1/api/items')).toEqual({
      status: 404,
      body: { error: 'No route for GET /api/items' },
    });
  });

  it('takes a parameter of any length: a long name is the route’s own answer, not a missing route', async () => {
    const name = 'n'.repeat(300);
    const res = await rawRequest(server, 'GET', `/api/v1/luckperms/players/username/${name}`);
    expect(res).toEqual({
      status: 400,
      body: {
        message: 'Validation failed',
        code: 'validation_error',
        details: { issues: [{ path: 'username', message: 'Too big: expected string to have <=16 characters' }] },
      },
    });
  });
});
