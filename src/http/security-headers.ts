// helmet's security headers on every response. helmet's headers depend on nothing but whether the request came over
// TLS, so each set is worked out once, by running helmet against a response that only records them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import helmet from 'helmet';

type Header = [name: string, value: string | string[]];

function recordedHeaders(middleware: ReturnType<typeof helmet>): Header[] {
  const headers = new Map<string, Header>();
  const recorder = {
    setHeader: (name: string, value: string | string[]) => headers.set(name.toLowerCase(), [name, value]),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let finished = false;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously, so its headers cannot be recorded');
  return [...headers.values()];
}

/**
 * Its CSP asks browsers to upgrade insecure requests, which over plain HTTP on a LAN address sends every asset to an
 * https port nobody serves, so that directive goes only with requests that came over TLS.
 */
export function securityHeaders(): (req: IncomingMessage, res: ServerResponse) => void {
  const overTls = recordedHeaders(helmet());
  const overPlainHttp = recordedHeaders(
    helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }),
  );
  return (req, res) => {
    const headers = (req.socket as Partial<TLSSocket>).encrypted ? overTls : overPlainHttp;
    for (const [name, value] of headers) res.setHeader(name, value);
  };
}
