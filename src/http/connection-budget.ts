// Bounds what one client connection can make the server hold. Node parses every pipelined request it reads and the
// request listener is async, so a client that pipelines and never reads would otherwise have its answers pile up in
// memory without limit. Here a connection has at most `maxInFlight` requests handled at once and none while its unsent
// bytes are over the socket's high-water mark; past that the socket is no longer read, so further requests wait in the
// kernel's buffers, not ours. A connection with requests waiting whose client takes none of our bytes for `stallMs` is
// closed. One that reads a single big answer slowly is left alone: it holds that answer and nothing more.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionBudget {
  /** Requests of one connection handled at once; pipelined ones beyond wait. */
  maxInFlight: number;
  /** Requests already parsed that may wait on one connection; more closes it (only a flood pipelines that deep). */
  maxWaiting: number;
  /** How long a connection with requests waiting may leave its answers unread before it is closed. */
  stallMs: number;
}

/**
 * Answers to one connection go out in order, so handling more than two of its requests at once only piles answers up;
 * what every flooding connection has in flight is also what everyone else's requests queue behind.
 */
const DEFAULT_CONNECTION_BUDGET: ConnectionBudget = { maxInFlight: 2, maxWaiting: 32, stallMs: 30_000 };

interface Connection {
  socket: Socket;
  inFlight: number;
  waiting: [IncomingMessage, ServerResponse][];
  /** When the client was first seen leaving our bytes unread, since the last time it took some. */
  stalledSince: number | null;
}

export function withConnectionBudget(
  listener: RequestListener,
  { maxInFlight, maxWaiting, stallMs }: ConnectionBudget = DEFAULT_CONNECTION_BUDGET,
): RequestListener {
  const bySocket = new WeakMap<Socket, Connection>();
  const open = new Set<Connection>();
  let sweeping: NodeJS.Timeout | null = null;

  /** Whether the client has left more of our answers unread than the socket buffers before it pushes back. */
  const backedUp = (socket: Socket) => socket.writableNeedDrain;

  function close(connection: Connection): void {
    connection.waiting.length = 0;
    connection.socket.destroy();
  }

  // One timer for all connections, running while there are any, rather than one armed per request on the hot path.
  function sweep(): void {
    const now = Date.now();
    for (const connection of open) {
      if (!backedUp(connection.socket) || connection.waiting.length === 0) connection.stalledSince = null;
      else if (connection.stalledSince === null) connection.stalledSince = now;
      else if (now - connection.stalledSince >= stallMs) close(connection);
    }
  }

  function dispatch(connection: Connection, req: IncomingMessage, res: ServerResponse): void {
    connection.inFlight++;
    res.once('close', () => {
      connection.inFlight--;
      pump(connection);
    });
    listener(req, res);
  }

  function pump(connection: Connection): void {
    const { socket, waiting } = connection;
    if (socket.destroyed) return;
    while (waiting.length > 0 && connection.inFlight < maxInFlight && !backedUp(socket)) {
      const [req, res] = waiting.shift()!;
      dispatch(connection, req, res);
    }
    if (waiting.length === 0 && !backedUp(socket)) socket.resume();
  }

  function track(socket: Socket): Connection {
    const connection: Connection = { socket, inFlight: 0, waiting: [], stalledSince: null };
    bySocket.set(socket, connection);
    open.add(connection);
    sweeping ??= setInterval(sweep, Math.max(50, stallMs / 4)).unref();
    socket.on('drain', () => {
      connection.stalledSince = null;
      pump(connection);
    });
    socket.once('close', () => {
      connection.waiting.length = 0;
      open.delete(connection);
      if (open.size === 0 && sweeping) {
        clearInterval(sweeping);
        sweeping = null;
      }
    });
    return connection;
  }

  return (req, res) => {
    const connection = bySocket.get(req.socket) ?? track(req.socket);
    if (connection.inFlight < maxInFlight && connection.waiting.length === 0 && !backedUp(req.socket)) {
      dispatch(connection, req, res);
      return;
    }
    if (connection.waiting.length >= maxWaiting) {
      close(connection);
      return;
    }
    connection.waiting.push([req, res]);
    req.socket.pause();
  };
}
