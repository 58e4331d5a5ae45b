// tRPC over WebSocket at /ws on the HTTP server's port. Only sockets that have shown a valid credential count against
// the connection cap; the others are pending, a few per address, and are closed unless they show one in time. 16 KB
// messages (larger closes with 1009), bounded batches, tRPC keep-alive as heartbeat, and an idle timeout.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AnyRouter } from '@trpc/server';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { BrowserPolicy } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createContext, type ContextDeps } from '../trpc/context.ts';
import { MAX_BATCH_SIZE } from '../trpc/init.ts';
import { hasAnyCredential } from '../auth.ts';
import { browserGuard } from './browser-guard.ts';

const MAX_MESSAGE_BYTES = 16 * 1024;
/** Sockets one address may hold open before showing a credential. */
export const MAX_PENDING_PER_ADDRESS = 8;
/** The one path that speaks WebSocket; every other request is plain HTTP, whatever upgrade it offers. */
const LIVE_SOCKET_PATH = '/ws';
const IDLE_CLOSE_CODE = 4408;
const UNAUTHENTICATED_CLOSE_CODE = 4401;
/** RFC 6455 "Try Again Later": the cap was reached while this socket was still pending. */
const FULL_CLOSE_CODE = 1013;

export interface LiveOptions {
  maxConnections: number;
  idleTimeoutMs: number;
  /** How long a socket may stay open without showing a valid credential. */
  authTimeoutMs: number;
}

export interface LiveSockets {
  /** Authenticated connections: the ones the cap counts. */
  count(): number;
  /** Every open connection, pending ones included. */
  open(): number;
  close(): Promise<void>;
}

/**
 * Whether a request is a WebSocket handshake for /ws: Node's `shouldUpgradeCallback`. Anything else that offers an
 * upgrade (Java's default HttpClient and `curl --http2` offer h2c with every request) is served as the HTTP/1.1
 * request it also is, since an upgrade offer is optional for the server to take.
 */
export function isLiveSocketUpgrade(req: IncomingMessage): boolean {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return (
    req.method === 'GET' &&
    (query === -1 ? url : url.slice(0, query)) === LIVE_SOCKET_PATH &&
    /(^|,)\s*websocket\s*(,|$)/i.test(req.headers.upgrade ?? '')
  );
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Credentials a socket gives as tRPC connectionParams, read the same way as the HTTP headers. */
function headersFrom(params: Record<string, string | undefined> | null | undefined) {
  return {
    'x-api-key': params?.apiKey,
    authorization: params?.token === undefined ? undefined : `Bearer ${params.token}`,
  };
}

/** Sockets that have not shown a credential yet, by address. */
class PendingSockets {
  readonly #byAddress = new Map<string, Set<WebSocket>>();

  count(address: string): number {
    return this.#byAddress.get(address)?.size ?? 0;
  }

  add(address: string, ws: WebSocket): void {
    const sockets = this.#byAddress.get(address) ?? new Set();
    sockets.add(ws);
    this.#byAddress.set(address, sockets);
  }

  /** Whether the socket was pending. */
  delete(address: string, ws: WebSocket): boolean {
    const sockets = this.#byAddress.get(address);
    const removed = sockets?.delete(ws) ?? false;
    if (sockets?.size === 0) this.#byAddress.delete(address);
    return removed;
  }
}

export function attachLiveSockets(
  server: Server,
  router: AnyRouter,
  deps: ContextDeps,
  log: Logger,
  options: LiveOptions,
  browsers: BrowserPolicy,
): LiveSockets {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const authenticated = new Set<WebSocket>();
  const pending = new PendingSockets();
  const { metrics, clientAddress } = deps.services;
  const guard = browserGuard(browsers);

  /** A socket that carries any valid credential joins the counted connections, if there is room. */
  function admit(ws: WebSocket, address: string): void {
    if (!pending.delete(address, ws)) return;
    if (authenticated.size >= options.maxConnections) {
      metrics.websocketsRefused.inc({ reason: 'cap' });
      ws.close(FULL_CLOSE_CODE, 'too many live connections');
      return;
    }
    authenticated.add(ws);
  }

  const handler = applyWSSHandler({
    wss,
    router,
    maxBatchSize: MAX_BATCH_SIZE,
    // Half the idle timeout between pings, so a live client always answers in time. A silent one meets the idle
    // timeout (4408, with its reason) before tRPC's own unanswered-ping cut-off, which only backs it up.
    keepAlive: {
      enabled: true,
      pingMs: Math.max(50, Math.floor(options.idleTimeoutMs / 2)),
      pongWaitMs: Math.max(50, options.idleTimeoutMs),
    },
    createContext: ({ req, res, info }) => {
      const context = createContext(deps, {
        headers: headersFrom(info.connectionParams),
        address: clientAddress(req),
        transport: 'ws',
        log: log.child({ transport: 'ws' }),
        requestId: crypto.randomUUID(),
        socket: res,
      });
      if (hasAnyCredential(context.identity)) admit(res, clientAddress(req));
      return context;
    },
    onError: ({ error }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, transport: 'ws' }, 'procedure failed');
    },
  });

  // Only handshakes that isLiveSocketUpgrade admitted arrive here.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = guard.upgrade(req);
    if (refusal) {
      metrics.websocketsRefused.inc({ reason: refusal.appCode });
      return refuse(socket, '403 Forbidden');
    }
    if (authenticated.size >= options.maxConnections) {
      metrics.websocketsRefused.inc({ reason: 'cap' });
      return refuse(socket, '503 Service Unavailable');
    }
    if (pending.count(clientAddress(req)) >= MAX_PENDING_PER_ADDRESS) {
      metrics.websocketsRefused.inc({ reason: 'pending_limit' });
      return refuse(socket, '429 Too Many Requests');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Pending from before the handshake's end, so tRPC's context (which may admit it at once) finds it.
      pending.add(clientAddress(req), ws);
      wss.emit('connection', ws, req);
    });
  });

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const address = clientAddress(req);
    const unauthenticated = setTimeout(() => {
      if (!authenticated.has(ws)) ws.close(UNAUTHENTICATED_CLOSE_CODE, 'no valid credential in connectionParams');
    }, options.authTimeoutMs);
    // Any message (PONG included) shows the client is there; silence for the whole timeout closes the socket.
    const idle = setTimeout(() => {
      metrics.websocketsIdleClosed.inc();
      ws.close(IDLE_CLOSE_CODE, 'idle timeout');
    }, options.idleTimeoutMs);
    ws.on('message', () => idle.refresh());
    ws.on('close', () => {
      clearTimeout(idle);
      clearTimeout(unauthenticated);
      authenticated.delete(ws);
      pending.delete(address, ws);
    });
  });

  return {
    count: () => authenticated.size,
    open: () => wss.clients.size,
    async close() {
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
