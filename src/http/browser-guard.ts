// What a web page may ask of the server: in open mode only loopback Host names are served (no DNS rebinding), and
// only the server's own origin or one in CORS_ORIGINS may change state or open a WebSocket.
import type { IncomingMessage } from 'node:http';
import { type BrowserPolicy, isLoopbackHost } from '../config.ts';
import { AppError } from '../errors.ts';

/** RFC 9110's safe methods: they read, so a foreign page gets an answer it cannot read without CORS. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface BrowserGuard {
  /** The refusal an HTTP request gets, or null when it may go on. */
  request(req: IncomingMessage): AppError | null;
  /** The refusal a WebSocket upgrade gets: browsers apply no CORS to WebSockets, so any foreign origin is refused. */
  upgrade(req: IncomingMessage): AppError | null;
}

/** The host name of a Host header, without its port; null when it is none. */
function hostNameOf(host: string): string | null {
  return URL.parse(`http://${host}`)?.hostname ?? null;
}

export function browserGuard({ corsOrigins, allowedHosts }: BrowserPolicy): BrowserGuard {
  const listed = new Set(corsOrigins);
  const extraHosts = new Set(allowedHosts);

  /** A request without a Host header comes from a program, and a rebinding page always sends one. */
  function hostRefusal(host: string | undefined): AppError | null {
    if (allowedHosts === null || host === undefined) return null;
    const name = hostNameOf(host);
    if (name !== null && (isLoopbackHost(name) || extraHosts.has(name))) return null;
    return new AppError(
      'forbidden_host',
      'Host not served',
      { host },
      {
        explanation: `Without an admin token only loopback names and ALLOWED_HOSTS are served, and ${host} is neither`,
      },
    );
  }

  /** No Origin header: a program, not a browser. The server's own origin is the one its Host header names. */
  function originRefusal(origin: string | undefined, host: string | undefined): AppError | null {
    if (origin === undefined || listed.has(origin)) return null;
    const own = host?.toLowerCase();
    if (own !== undefined && (origin === `http://${own}` || origin === `https://${own}`)) return null;
    return new AppError(
      'forbidden_origin',
      'Cross-origin request refused',
      { origin },
      { explanation: `The origin ${origin} is neither this server's own nor listed in CORS_ORIGINS` },
    );
  }

  return {
    request(req) {
      const { host, origin } = req.headers;
      return hostRefusal(host) ?? (SAFE_METHODS.has(req.method ?? 'GET') ? null : originRefusal(origin, host));
    },
    upgrade(req) {
      const { host, origin } = req.headers;
      return hostRefusal(host) ?? originRefusal(origin, host);
    },
  };
}
