// What web pages meet, with raw requests: CORS for CORS_ORIGINS (preflights, readable answers, item images any page
// may show), state-changing requests and WebSocket upgrades from foreign origins refused, and in open mode only
// loopback Host names served, so a DNS-rebinding page gets nothing.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#src/config.ts';
import { IMAGES } from '../fixtures/images.ts';
import { API_KEY, request, type TestServer, useTestServer } from '../support/server.ts';
import { discordId } from '../support/aurora.ts';
import { parseExposition } from '../support/prometheus.ts';

const TOKEN = 'browsers-admin-token';
const DASHBOARD = 'http://dashboard.example:5173';
const EVIL = 'http://evil.example';
const ALLOWED_HEADERS = 'Authorization,X-API-Key,Content-Type,X-Request-Id,trpc-accept';
const EXPOSED_HEADERS = 'X-Request-Id,RateLimit,RateLimit-Policy,Retry-After';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  body: any;
}

/** A request as a browser (or a rebinding page) sends it: fetch cannot set Host, node:http can. */
function send(
  server: TestServer,
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    // A length always: Node sends a DELETE's body unframed otherwise.
    const length = body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
    const req = httpRequest({ host: hostname, port, method, path, headers: { ...length, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const json = res.headers['content-type']?.includes('application/json') ?? false;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: json ? JSON.parse(text) : text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (value: unknown) => ({ 'Content-Type': 'application/json', body: JSON.stringify(value) });

function post(server: TestServer, path: string, value: unknown, headers: Record<string, string> = {}) {
  const { body, ...type } = json(value);
  return send(server, 'POST', path, { headers: { ...type, ...headers }, body });
}

/** The status a WebSocket handshake to /ws gets: 101 when it is taken, else the refusal's. */
function upgradeStatus(server: TestServer, headers: Record<string, string>): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: hostname,
      port,
      path: '/ws',
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function itemForm(name: string): { headers: Record<string, string>; body: Buffer } {
  const boundary = 'browsers-test-boundary';
  const data = JSON.stringify({ name, type: 'MATERIAL', rarity: 'C', price: '1' });
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${data}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    IMAGES.png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body };
}

describe('with an admin token and a dashboard in CORS_ORIGINS', () => {
  const server = useTestServer({
    env: { SECURITY__ADMIN_TOKEN: TOKEN, CORS_ORIGINS: `${DASHBOARD},https://other.example` },
  });
  const admin = { Authorization: `Bearer ${TOKEN}` };
  const own = () => `http://${new URL(server.url).host}`;

  describe('a preflight', () => {
    it.each([
      ['an Aurora item', '/api/items/7', 'GET,HEAD,PUT,DELETE'],
      ['an Aurora collection', '/api/items', 'GET,HEAD,POST'],
      ['a HubGW path, its trailing slash optional', '/api/v1/homes', 'PUT'],
      ['a HubGW path with a parameter', '/api/v1/homes/069a79f4-44e9-4726-a5be-fca90e38aaf5', 'GET,HEAD'],
      ['tRPC', '/trpc/aurora.users.create', 'GET,POST'],
      ['a path of the server itself: the standard set', '/openapi.json', 'GET,HEAD,PUT,PATCH,POST,DELETE'],
    ])('for %s answers 204 with the methods it has and the headers a dashboard sends', async (_name, path, methods) => {
      const res = await send(server, 'OPTIONS', path, {
        headers: {
          Origin: DASHBOARD,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect(res.headers['access-control-allow-origin']).toBe(DASHBOARD);
      expect(res.headers['access-control-allow-methods']).toBe(methods);
      expect(res.headers['access-control-allow-headers']).toBe(ALLOWED_HEADERS);
      expect(res.headers['access-control-max-age']).toBe('600');
      expect(res.headers.vary).toBe('Origin');
    });

    it('from an origin not in CORS_ORIGINS allows it nothing', async () => {
      const res = await send(server, 'OPTIONS', '/api/users', {
        headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' },
      });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('answers to a listed origin may be read, errors included', () => {
    it.each([
      ['Aurora', '/api/users', admin, 200],
      ['Aurora without the token', '/api/users', {}, 401],
      ['HubGW', '/api/v1/homes/069a79f4-44e9-4726-a5be-fca90e38aaf5', { 'X-API-Key': API_KEY }, 200],
      ['tRPC', '/trpc/server.status', {}, 200],
      ['the OpenAPI document', '/openapi.json', {}, 200],
    ])('%s', async (_name, path, headers, status) => {
      const res = await send(server, 'GET', path, { headers: { Origin: DASHBOARD, ...headers } });
      expect(res.status).toBe(status);
      expect(res.headers['access-control-allow-origin']).toBe(DASHBOARD);
      expect(res.headers['access-control-expose-headers']).toBe(EXPOSED_HEADERS);
      expect(res.headers.vary).toContain('Origin');
    });

    it('and an answer to any other origin may not', async () => {
      const res = await send(server, 'GET', '/api/users', { headers: { Origin: EVIL, ...admin } });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('serves item images to any page: Cross-Origin-Resource-Policy cross-origin', async () => {
    const form = itemForm('Lantern');
    const created = await send(server, 'POST', '/api/items', {
      headers: { ...admin, ...form.headers },
      body: form.body,
    });
    expect(created.status).toBe(201);
    const image = await send(server, 'GET', created.body.item.imageUrl, { headers: { Origin: EVIL } });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  describe('a state-changing request from a foreign origin answers 403 and changes nothing, the token notwithstanding', () => {
    const refusal = (origin: string) => ({
      error: 'Cross-origin request refused',
      details: `The origin ${origin} is neither this server's own nor listed in CORS_ORIGINS`,
    });

    it('Aurora POST', async () => {
      const id = discordId();
      const res = await post(server, '/api/users', { id, username: 'intruder' }, { ...admin, Origin: EVIL });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(refusal(EVIL));
      expect((await send(server, 'GET', `/api/users/${id}`, { headers: admin })).status).toBe(404);
    });

    it('Aurora multipart POST, which a page may send without a preflight', async () => {
      const form = itemForm('Stolen goods');
      const res = await send(server, 'POST', '/api/items', {
        headers: { ...admin, ...form.headers, Origin: EVIL },
        body: form.body,
      });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(refusal(EVIL));
      const items = await send(server, 'GET', '/api/items?search=Stolen', { headers: admin });
      expect(items.body).toEqual({ items: [], total: 0 });
    });

    /** A change refused from a foreign origin leaves the state as it was; the same request without one changes it. */
    async function refusedThenServed(
      method: string,
      path: string,
      credential: Record<string, string>,
      value: unknown,
      read: () => Promise<RawResponse>,
      expectedRefusal: unknown,
    ) {
      const before = await read();
      const { body, ...type } = json(value);
      const refused = await send(server, method, path, { headers: { ...credential, ...type, Origin: EVIL }, body });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(expectedRefusal);
      expect(await read()).toMatchObject({ status: before.status, body: before.body });
      const served = await send(server, method, path, { headers: { ...credential, ...type }, body });
      expect(served.status).toBeLessThan(300);
      expect((await read()).body).not.toEqual(before.body);
    }

    it('Aurora PUT', async () => {
      const id = discordId();
      expect((await post(server, '/api/users', { id, username: 'keeper' }, admin)).status).toBe(201);
      await refusedThenServed(
        'PUT',
        `/api/users/${id}`,
        admin,
        { username: 'renamed' },
        () => send(server, 'GET', `/api/users/${id}`, { headers: admin }),
        refusal(EVIL),
      );
    });

    it('Aurora DELETE', async () => {
      const id = discordId();
      expect((await post(server, '/api/classes', { id, name: `class-${id}` }, admin)).status).toBe(201);
      await refusedThenServed(
        'DELETE',
        `/api/classes/${id}`,
        admin,
        {},
        async () => {
          const { body } = await send(server, 'GET', '/api/classes', { headers: admin });
          return { status: 200, body: body.classes.filter((found: { id: string }) => found.id === id) } as RawResponse;
        },
        refusal(EVIL),
      );
    });

    it('HubGW PATCH, in its format', async () => {
      const player = crypto.randomUUID();
      const name = `spawn-${player.slice(0, 8)}`;
      const key = { 'X-API-Key': API_KEY };
      const warp = { player_uuid: player, name, world: 'world', x: 1, y: 2, z: 3 };
      expect((await post(server, '/api/v1/warps/', warp, key)).status).toBe(201);
      await refusedThenServed(
        'PATCH',
        '/api/v1/warps/',
        key,
        { player_uuid: player, name, x: 100 },
        () => post(server, '/api/v1/warps/get', { name }, key),
        { message: 'Cross-origin request refused', code: 'forbidden_origin', details: { origin: EVIL } },
      );
    });

    it('the origin "null" of a sandboxed frame', async () => {
      const res = await post(server, '/api/users', { id: discordId(), username: 'x' }, { ...admin, Origin: 'null' });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(refusal('null'));
    });

    it('HubGW PUT', async () => {
      const player = crypto.randomUUID();
      const key = { 'X-API-Key': API_KEY };
      await refusedThenServed(
        'PUT',
        '/api/v1/homes/',
        key,
        { player_uuid: player, name: 'base', world: 'world', x: 1, y: 2, z: 3 },
        () => send(server, 'GET', `/api/v1/homes/${player}`, { headers: key }),
        { message: 'Cross-origin request refused', code: 'forbidden_origin', details: { origin: EVIL } },
      );
    });

    it('a tRPC mutation, in tRPC’s envelope', async () => {
      const id = discordId();
      const res = await post(
        server,
        '/trpc/aurora.users.create',
        { id, username: 'intruder' },
        { ...admin, Origin: EVIL },
      );
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        error: {
          message: 'Cross-origin request refused',
          code: -32003,
          data: {
            code: 'FORBIDDEN',
            httpStatus: 403,
            path: 'aurora.users.create',
            appCode: 'forbidden_origin',
            details: { origin: EVIL },
            explanation: `The origin ${EVIL} is neither this server's own nor listed in CORS_ORIGINS`,
          },
        },
      });
      expect((await send(server, 'GET', `/api/users/${id}`, { headers: admin })).status).toBe(404);
    });
  });

  describe('a state-changing request is served', () => {
    it.each([
      ['from the server’s own origin', () => own()],
      ['from a listed origin', () => DASHBOARD],
    ])('%s', async (_name, origin) => {
      const id = discordId();
      const res = await post(server, '/api/users', { id, username: 'welcome' }, { ...admin, Origin: origin() });
      expect(res.status).toBe(201);
      expect((await send(server, 'GET', `/api/users/${id}`, { headers: admin })).status).toBe(200);
    });

    it('without an Origin, as programs send it', async () => {
      const res = await post(server, '/api/users', { id: discordId(), username: 'program' }, admin);
      expect(res.status).toBe(201);
    });
  });

  describe('a WebSocket upgrade', () => {
    it('from a foreign origin answers 403 before the handshake, and is counted', async () => {
      const refusals = async () =>
        parseExposition((await request(server, 'GET', '/metrics')).text).value('websocket_refusals_total', {
          reason: 'forbidden_origin',
        }) ?? 0;
      const before = await refusals();
      expect(await upgradeStatus(server, { Origin: EVIL })).toBe(403);
      expect(await refusals()).toBe(before + 1);
    });

    it.each([
      ['from the server’s own origin', () => ({ Origin: own() })],
      ['from a listed origin', () => ({ Origin: DASHBOARD })],
      ['without an Origin', () => ({})],
    ])('%s is taken', async (_name, headers) => {
      expect(await upgradeStatus(server, headers())).toBe(101);
    });
  });

  it('serves any Host: the token guards it', async () => {
    const res = await send(server, 'GET', '/api/users', { headers: { ...admin, Host: 'evil.example' } });
    expect(res.status).toBe(200);
    expect(await upgradeStatus(server, { Host: 'evil.example' })).toBe(101);
  });
});

describe('in open mode (no admin token)', () => {
  const server = useTestServer({ env: { ALLOWED_HOSTS: 'game.lan' } });
  const port = () => new URL(server.url).port;

  describe('a Host that is not a loopback name answers 403, in the format of what it asked', () => {
    const explanation = (host: string) =>
      `Without an admin token only loopback names and ALLOWED_HOSTS are served, and ${host} is neither`;

    it.each([['evil.example'], ['evil.example:3000'], ['192.168.1.20'], ['localhost.evil.example']])(
      'Aurora, with Host %s',
      async (host) => {
        const res = await send(server, 'GET', '/api/users', { headers: { Host: host } });
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ error: 'Host not served', details: explanation(host) });
      },
    );

    it('HubGW', async () => {
      const res = await send(server, 'GET', '/api/v1/health/', { headers: { Host: 'evil.example' } });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        message: 'Host not served',
        code: 'forbidden_host',
        details: { host: 'evil.example' },
      });
    });

    it('tRPC', async () => {
      const res = await send(server, 'GET', '/trpc/server.status', { headers: { Host: 'evil.example' } });
      expect(res.status).toBe(403);
      expect(res.body.error.data).toMatchObject({ httpStatus: 403, appCode: 'forbidden_host' });
    });

    it('the server’s own pages', async () => {
      const res = await send(server, 'GET', '/openapi.json', { headers: { Host: 'evil.example' } });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: 'Host not served', details: explanation('evil.example') });
    });

    it('a state-changing request that a rebinding page sends as its own origin, changing nothing', async () => {
      const id = discordId();
      const host = `evil.example:${port()}`;
      const res = await post(
        server,
        '/api/users',
        { id, username: 'rebound' },
        { Host: host, Origin: `http://${host}` },
      );
      expect(res.status).toBe(403);
      expect((await request(server, 'GET', `/api/users/${id}`)).status).toBe(404);
    });

    it('a WebSocket upgrade, with or without an Origin', async () => {
      const host = `evil.example:${port()}`;
      expect(await upgradeStatus(server, { Host: host })).toBe(403);
      expect(await upgradeStatus(server, { Host: host, Origin: `http://${host}` })).toBe(403);
    });
  });

  it.each([['localhost'], ['LOCALHOST'], ['127.0.0.1'], ['[::1]'], ['game.lan'], ['Game.LAN:8080']])(
    'serves Host %s, with and without the port',
    async (name) => {
      const hosts = name.includes(':') && !name.startsWith('[') ? [name] : [name, `${name}:${port()}`];
      for (const host of hosts) {
        expect((await send(server, 'GET', '/api/users', { headers: { Host: host } })).status).toBe(200);
        expect(await upgradeStatus(server, { Host: host })).toBe(101);
      }
    },
  );

  it('refuses a foreign origin here too, and serves its own', async () => {
    const host = `localhost:${port()}`;
    const id = discordId();
    const foreign = await post(server, '/api/users', { id, username: 'x' }, { Host: host, Origin: EVIL });
    expect(foreign.status).toBe(403);
    const ownOrigin = await post(server, '/api/users', { id, username: 'x' }, { Host: host, Origin: `http://${host}` });
    expect(ownOrigin.status).toBe(201);
  });

  it('answers no preflight and no CORS header when CORS_ORIGINS is unset', async () => {
    const preflight = await send(server, 'OPTIONS', '/api/users', {
      headers: { Origin: DASHBOARD, 'Access-Control-Request-Method': 'POST' },
    });
    // Left to the routes, which have no OPTIONS: no CORS answers it, so none of its headers is there.
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    const corsHeaders = (headers: IncomingHttpHeaders) =>
      Object.keys(headers).filter((name) => name.startsWith('access-control-'));
    expect(corsHeaders(preflight.headers)).toEqual([]);
    const res = await send(server, 'GET', '/api/users', { headers: { Origin: DASHBOARD } });
    expect(res.status).toBe(200);
    expect(corsHeaders(res.headers)).toEqual([]);
  });
});

describe('CORS_ORIGINS and ALLOWED_HOSTS', () => {
  const load = (env: Record<string, string>) => loadConfig(env, () => 'generated-key');

  it('take comma-separated lists, origins as browsers write them and host names in lower case', () => {
    const config = load({
      CORS_ORIGINS: ' http://localhost:5173, https://Dash.Example.com/ ,',
      ALLOWED_HOSTS: 'Game.lan,[::1]',
    });
    expect(config.browsers).toEqual({
      corsOrigins: ['http://localhost:5173', 'https://dash.example.com'],
      allowedHosts: ['game.lan', '[::1]'],
    });
  });

  it('default to none, and any Host is served once an admin token is set', () => {
    expect(load({}).browsers).toEqual({ corsOrigins: [], allowedHosts: [] });
    expect(load({ SECURITY__ADMIN_TOKEN: TOKEN, ALLOWED_HOSTS: 'game.lan' }).browsers.allowedHosts).toBeNull();
  });

  it.each([
    [
      'CORS_ORIGINS',
      'http://x.example/path',
      '"http://x.example/path" is not an origin such as https://dashboard.example.com',
    ],
    ['CORS_ORIGINS', '*', '"*" is not an origin such as https://dashboard.example.com'],
    ['CORS_ORIGINS', 'ftp://x.example', '"ftp://x.example" is not an origin such as https://dashboard.example.com'],
    ['ALLOWED_HOSTS', 'game.lan:3000', '"game.lan:3000" is not a host name without a port'],
    ['ALLOWED_HOSTS', 'a/b', '"a/b" is not a host name without a port'],
  ])('refuse a bad %s %s, naming it', (name, value, message) => {
    expect(() => load({ [name]: value })).toThrow(
      new ConfigError(`Invalid configuration: ${name}: ${message} (got ${JSON.stringify(value)})`),
    );
  });
});
