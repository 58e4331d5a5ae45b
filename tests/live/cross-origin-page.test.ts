// Pages on other origins, in a real browser (Debian's chromium driven by playwright-core), each served from its own
// loopback port: a dashboard listed in CORS_ORIGINS reads and writes over REST, /trpc and /ws and shows an item's
// image; any other page gets nothing, its WebSocket included, and changes nothing; and in open mode a page that a DNS
// rebinding put on the server's address gets nothing either.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGES } from '../fixtures/images.ts';
import { discordId } from '../support/aurora.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { request, startTestServer, type TestServer } from '../support/server.ts';

const REBINDING_NAME = 'rebound.example';
const EXTRA_FLAGS = [
  // What a DNS rebinding achieves: the attacker's name now resolves to the loopback address the server listens on.
  `--host-resolver-rules=MAP ${REBINDING_NAME} 127.0.0.1`,
  // Chromium's Local Network Access check also refuses a page with no loopback address of its own (the attacker's page
  // below is the test's) calling a loopback one. Other browsers have no such check; off, the server's is what is seen.
  '--disable-features=LocalNetworkAccessChecks',
];
const TOKEN = 'cross-origin-admin-token';
const admin = { Authorization: `Bearer ${TOKEN}` };

/** A page's own server, on a loopback port of its own: a blank page, so the page's origin is its own. */
async function pageServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>page</title>'),
  );
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

interface Probe {
  api: string;
  token: string | null;
  userId: string;
  newUserId: string;
  socketUserId: string;
  imagePath: string;
}

/**
 * Everything a dashboard does, run in the page: each step's answer, or `blocked` when the browser kept it from the
 * page. A string, so the test's own type-check needs no DOM library.
 */
const PROBE = `async ({ api, token, userId, newUserId, socketUserId, imagePath }) => {
  const auth = token === null ? {} : { Authorization: 'Bearer ' + token };
  const json = { ...auth, 'Content-Type': 'application/json' };
  const attempt = async (run) => {
    try {
      const res = await run();
      return { status: res.status, body: await res.json(), requestId: res.headers.get('x-request-id') };
    } catch (error) {
      return 'blocked';
    }
  };
  const socket = () => new Promise((resolve) => {
    const ws = new WebSocket(api.replace('http', 'ws') + '/ws?connectionParams=1');
    ws.onopen = () => {
      ws.send(JSON.stringify({ method: 'connectionParams', data: token === null ? {} : { token } }));
      const input = { id: socketUserId, username: 'socket' };
      ws.send(JSON.stringify({ id: 1, method: 'mutation', params: { path: 'aurora.users.create', input } }));
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.id !== 1) return;
      ws.close();
      resolve(message.result ? message.result.data : message.error);
    };
    ws.onerror = () => resolve('blocked');
  });
  const image = () => new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img.naturalWidth + 'x' + img.naturalHeight);
    img.onerror = () => resolve('blocked');
    img.src = api + imagePath;
  });
  return {
    restRead: await attempt(() => fetch(api + '/api/users/' + userId, { headers: auth })),
    restWrite: await attempt(() => fetch(api + '/api/users', {
      method: 'POST', headers: json, body: JSON.stringify({ id: newUserId, username: 'page' }),
    })),
    trpcQuery: await attempt(() =>
      fetch(api + '/trpc/aurora.users.get?input=' + encodeURIComponent(JSON.stringify({ id: userId })), { headers: auth }),
    ),
    trpcMutation: await attempt(() => fetch(api + '/trpc/aurora.users.update', {
      method: 'POST', headers: json, body: JSON.stringify({ id: userId, username: 'renamed' }),
    })),
    socket: await socket(),
    image: await image(),
  };
}`;

/** A form POST a page may send without a preflight, whose answer it never reads; it is the server that must refuse. */
const SIMPLE_POST = `async ({ api, name }) => {
  const form = new FormData();
  form.append('data', JSON.stringify({ name, type: 'MATERIAL', rarity: 'C', price: '1' }));
  await fetch(api + '/api/items', { method: 'POST', mode: 'no-cors', body: form }).catch(() => {});
}`;

function run<T>(page: Page, script: string, args: unknown): Promise<T> {
  return page.evaluate(`(${script})(${JSON.stringify(args)})`) as Promise<T>;
}

describe.skipIf(skipWithoutChromium)('pages on other origins, in a browser', () => {
  let browser: Browser;
  let dashboard: Awaited<ReturnType<typeof pageServer>>;
  let stranger: Awaited<ReturnType<typeof pageServer>>;

  beforeAll(async () => {
    [dashboard, stranger] = await Promise.all([pageServer(), pageServer()]);
    browser = await launchChromium(EXTRA_FLAGS);
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await stranger?.close();
  });

  async function openPage(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(url);
    return page;
  }

  async function withItemImage(server: TestServer, headers: Record<string, string>): Promise<string> {
    const form = new FormData();
    form.append('data', JSON.stringify({ name: `Lantern ${discordId()}`, type: 'MATERIAL', rarity: 'C', price: '1' }));
    form.append('image', new Blob([IMAGES.png], { type: 'image/png' }), 'lantern.png');
    const res = await fetch(`${server.url}/api/items`, { method: 'POST', headers, body: form });
    expect(res.status).toBe(201);
    return ((await res.json()) as { item: { imageUrl: string } }).item.imageUrl;
  }

  describe('with an admin token, the dashboard in CORS_ORIGINS', () => {
    let server: TestServer;
    let imagePath: string;
    let userId: string;

    beforeAll(async () => {
      server = await startTestServer({ env: { SECURITY__ADMIN_TOKEN: TOKEN, CORS_ORIGINS: dashboard.origin } });
      imagePath = await withItemImage(server, admin);
      userId = discordId();
      const created = await request(server, 'POST', '/api/users', {
        headers: admin,
        json: { id: userId, username: 'player' },
      });
      expect(created.status).toBe(201);
    });
    afterAll(() => server?.close());

    const probe = (page: Page) =>
      run<Record<string, any>>(page, PROBE, {
        api: server.url,
        token: TOKEN,
        userId,
        newUserId: discordId(),
        socketUserId: discordId(),
        imagePath,
      } satisfies Probe);

    it('lets the dashboard read and write over REST, /trpc and /ws, and show an item image', async () => {
      const page = await openPage(`${dashboard.origin}/`);
      const seen = await probe(page);
      await page.close();
      expect(seen.restRead).toMatchObject({ status: 200, body: { id: userId, username: 'player' } });
      expect(seen.restRead.requestId).toMatch(/^[\w.:-]+$/);
      expect(seen.restWrite).toMatchObject({ status: 201, body: { success: true, user: { username: 'page' } } });
      expect(seen.trpcQuery).toMatchObject({ status: 200, body: { result: { data: { id: userId } } } });
      expect(seen.trpcMutation).toMatchObject({
        status: 200,
        body: { result: { data: { success: true, user: { id: userId, username: 'renamed' } } } },
      });
      expect(seen.socket).toMatchObject({ success: true, user: { username: 'socket' } });
      expect(seen.image).toBe('2x2');
    });

    it('gives any other page nothing, its WebSocket included, and lets it change nothing; the image it may show', async () => {
      const before = await request(server, 'GET', `/api/users/${userId}`, { headers: admin });
      const newUserId = discordId();
      const socketUserId = discordId();
      const page = await openPage(`${stranger.origin}/`);
      const seen = await run<Record<string, unknown>>(page, PROBE, {
        api: server.url,
        token: TOKEN,
        userId,
        newUserId,
        socketUserId,
        imagePath,
      } satisfies Probe);
      await page.close();
      expect(seen).toEqual({
        restRead: 'blocked',
        restWrite: 'blocked',
        trpcQuery: 'blocked',
        trpcMutation: 'blocked',
        socket: 'blocked',
        image: '2x2',
      });
      expect(await request(server, 'GET', `/api/users/${userId}`, { headers: admin })).toMatchObject({
        status: 200,
        body: before.body,
      });
      for (const id of [newUserId, socketUserId])
        expect((await request(server, 'GET', `/api/users/${id}`, { headers: admin })).status).toBe(404);
    });
  });

  describe('in open mode (no admin token)', () => {
    let server: TestServer;
    let userId: string;

    beforeAll(async () => {
      server = await startTestServer({ env: { CORS_ORIGINS: dashboard.origin } });
      userId = discordId();
      expect((await request(server, 'POST', '/api/users', { json: { id: userId, username: 'player' } })).status).toBe(
        201,
      );
    });
    afterAll(() => server?.close());

    async function itemsNamed(name: string): Promise<unknown> {
      return (await request(server, 'GET', `/api/items?search=${encodeURIComponent(name)}`)).body;
    }

    it('lets a foreign page neither post a form nor create a user over /ws', async () => {
      const page = await openPage(`${stranger.origin}/`);
      const name = `Forged ${discordId()}`;
      const socketUserId = discordId();
      await run(page, SIMPLE_POST, { api: server.url, name });
      const seen = await run<Record<string, unknown>>(page, PROBE, {
        api: server.url,
        token: null,
        userId,
        newUserId: discordId(),
        socketUserId,
        imagePath: '/assets/items/none.png',
      } satisfies Probe);
      await page.close();
      expect(seen.socket).toBe('blocked');
      expect(await itemsNamed(name)).toEqual({ items: [], total: 0 });
      expect((await request(server, 'GET', `/api/users/${socketUserId}`)).status).toBe(404);
    });

    it('gives a page that a DNS rebinding put on the server’s address nothing, and lets it change nothing', async () => {
      const { port } = new URL(server.url);
      const rebound = `http://${REBINDING_NAME}:${port}`;
      const page = await browser.newPage();
      // The attacker's page, as its own server sent it before the name was rebound to the loopback address.
      await page.route(`${rebound}/attack`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>attack</title>' }),
      );
      await page.goto(`${rebound}/attack`);
      const newUserId = discordId();
      const socketUserId = discordId();
      const seen = await run<Record<string, any>>(page, PROBE, {
        api: rebound,
        token: null,
        userId,
        newUserId,
        socketUserId,
        imagePath: '/assets/items/none.png',
      } satisfies Probe);
      await page.close();
      const refusal = {
        error: 'Host not served',
        details: `Without an admin token only loopback names and ALLOWED_HOSTS are served, and ${REBINDING_NAME}:${port} is neither`,
      };
      expect(seen.restRead).toMatchObject({ status: 403, body: refusal });
      expect(seen.restWrite).toMatchObject({ status: 403, body: refusal });
      expect(seen.trpcQuery).toMatchObject({ status: 403, body: { error: { data: { appCode: 'forbidden_host' } } } });
      expect(seen.trpcMutation).toMatchObject({
        status: 403,
        body: { error: { data: { appCode: 'forbidden_host' } } },
      });
      expect(seen.socket).toBe('blocked');
      expect((await request(server, 'GET', `/api/users/${userId}`)).body.username).toBe('player');
      for (const id of [newUserId, socketUserId])
        expect((await request(server, 'GET', `/api/users/${id}`)).status).toBe(404);
    });
  });
});
