// With credentials configured, only sockets that show a valid one count against WS_MAX_CONNECTIONS: sockets without
// one cannot shut the dashboard out, are closed after WS_AUTH_TIMEOUT_MS, and are bounded per address.
import { describe, expect, it } from 'vitest';
import { MAX_PENDING_PER_ADDRESS } from '#src/http/websocket.ts';
import { collect, liveClient } from '../support/live.ts';
import { API_KEY, request, useTestServer } from '../support/server.ts';

const TOKEN = 'socket-admin-token';

const server = useTestServer({
  env: { SECURITY__ADMIN_TOKEN: TOKEN, WS_MAX_CONNECTIONS: '2', WS_AUTH_TIMEOUT_MS: '1500' },
});

const wsUrl = () => `${server.url.replace('http', 'ws')}/ws`;

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('refused')));
  });
}

function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })),
  );
}

/** Counted connections, as the REST stats report them; a closed socket leaves the count once the server has seen it go. */
async function liveConnections(): Promise<number> {
  return (await request(server, 'GET', '/api/stats', { headers: { Authorization: `Bearer ${TOKEN}` } })).body
    .liveConnections;
}

async function statsSnapshot(params: Record<string, string>) {
  const client = liveClient(server, params);
  const [snapshot] = await collect<any>(
    (handlers) => client.trpc.aurora.live.stats.subscribe(undefined, handlers),
    1,
    5000,
  );
  return { snapshot, close: client.close };
}

describe('sockets without a credential', () => {
  it('do not take the slots: the dashboard and a game server still connect while the cap is full of them', async () => {
    const strangers = Array.from({ length: 4 }, () => new WebSocket(wsUrl()));
    await Promise.all(strangers.map(opened));
    const dashboard = await statsSnapshot({ token: TOKEN });
    const gameServer = liveClient(server, { apiKey: API_KEY });
    try {
      await new Promise<void>((started) =>
        gameServer.trpc.hubgw.live.events.subscribe(undefined, { onStarted: () => started() }),
      );
      expect(dashboard.snapshot.liveConnections).toBe(1);
    } finally {
      dashboard.close();
      gameServer.close();
      for (const socket of strangers) socket.close();
    }
    await expect.poll(liveConnections).toBe(0);
  });

  it('are closed with 4401 once the credential timeout passes, whatever they send meanwhile', async () => {
    const silent = new WebSocket(wsUrl());
    const chatty = new WebSocket(wsUrl());
    await Promise.all([opened(silent), opened(chatty)]);
    // Answering the server's PING keeps a socket from the idle timeout, but not from this one.
    chatty.addEventListener('message', (event) => event.data === 'PING' && chatty.send('PONG'));
    const keepTalking = setInterval(() => chatty.send('PONG'), 100);
    try {
      const closes = await Promise.all([closed(silent), closed(chatty)]);
      expect(closes).toEqual(Array(2).fill({ code: 4401, reason: 'no valid credential in connectionParams' }));
    } finally {
      clearInterval(keepTalking);
    }
  });

  it('with a wrong credential are refused what they ask for', async () => {
    const client = liveClient(server, { token: 'wrong' });
    try {
      await expect(
        collect((handlers) => client.trpc.aurora.live.stats.subscribe(undefined, handlers), 1, 3000),
      ).rejects.toMatchObject({
        data: { code: 'UNAUTHORIZED' },
      });
    } finally {
      client.close();
    }
  });

  it(`are bounded at ${MAX_PENDING_PER_ADDRESS} per address`, async () => {
    const pending = Array.from({ length: MAX_PENDING_PER_ADDRESS }, () => new WebSocket(wsUrl()));
    try {
      await Promise.all(pending.map(opened));
      await expect(opened(new WebSocket(wsUrl()))).rejects.toThrow('refused');
    } finally {
      for (const socket of pending) socket.close();
    }
  });
});

describe('sockets with a credential', () => {
  it('count against the cap: the third is refused while two are connected', async () => {
    const first = await statsSnapshot({ token: TOKEN });
    const second = await statsSnapshot({ apiKey: API_KEY, token: TOKEN });
    try {
      expect(second.snapshot.liveConnections).toBe(2);
      await expect(opened(new WebSocket(wsUrl()))).rejects.toThrow('refused');
    } finally {
      first.close();
      second.close();
    }
    await expect.poll(liveConnections).toBe(0);
  });
});
