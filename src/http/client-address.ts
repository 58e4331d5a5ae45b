// The address a request comes from, as the rate limit, the pending-socket bound and the request log count it: the
// socket's peer, or behind trusted proxies the client they name in X-Forwarded-For, read as express's `trust proxy`
// reads it (proxy-addr, which express uses).
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Which peers may speak for the client: none, the nearest `hops` of them, or those at the given addresses or CIDRs. */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; addresses: string[] };

export type ClientAddress = (req: IncomingMessage) => string;

function socketAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** Reads the address by `trust`, which the configuration has already held to what proxy-addr can compile. */
export function clientAddressReader(trust: TrustProxy): ClientAddress {
  if (trust.kind === 'none') return socketAddress;
  const trusted =
    trust.kind === 'hops' ? (_address: string, hop: number) => hop < trust.hops : proxyAddr.compile(trust.addresses);
  return (req) => (req.socket.remoteAddress === undefined ? 'unknown' : proxyAddr(req, trusted));
}
