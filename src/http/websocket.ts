// tRPC over WebSocket at /ws on the HTTP server's port: at most N connections (the next is refused before the
// handshake), 16 KB messages (larger closes with 1009), tRPC keep-alive as heartbeat, and an idle timeout.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AnyRouter } from '@trpc/server';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logger.ts';
import { createContext, type ContextDeps } from '../trpc/context.ts';

export const MAX_MESSAGE_BYTES = 16 * 1024;
const IDLE_CLOSE_CODE = 4408;

export interface LiveOptions {
  maxConnections: number;
  idleTimeoutMs: number;
}

export interface LiveSockets {
  count(): number;
  close(): Promise<void>;
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

export function attachLiveSockets(server: Server, router: AnyRouter, deps: ContextDeps, log: Logger, options: LiveOptions): LiveSockets {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const handler = applyWSSHandler({
    wss,
    router,
    // Half the idle timeout between pings, so a live client always answers in time.
    keepAlive: { enabled: true, pingMs: Math.max(50, Math.floor(options.idleTimeoutMs / 2)), pongWaitMs: Math.max(50, Math.floor(options.idleTimeoutMs / 2)) },
    createContext: ({ info }) => createContext(deps, headersFrom(info.connectionParams), log.child({ transport: 'ws' }), crypto.randomUUID()),
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/ws') return refuse(socket, '404 Not Found');
    if (wss.clients.size >= options.maxConnections) return refuse(socket, '503 Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws) => {
    // Any message (PONG included) shows the client is there; silence for the whole timeout closes the socket.
    const idle = setTimeout(() => ws.close(IDLE_CLOSE_CODE, 'idle timeout'), options.idleTimeoutMs);
    ws.on('message', () => idle.refresh());
    ws.on('close', () => clearTimeout(idle));
  });

  return {
    count: () => wss.clients.size,
    async close() {
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
