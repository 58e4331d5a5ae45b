// HTTP/1.1 over a bare socket, for requests no stock client sends the way a test needs: exact header sets, several
// requests pipelined in one write, or a socket that never reads.
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** Opens a socket to the server at `url`, resolved once connected. */
export function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''), () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

function parseHead(head: string): Pick<RawResponse, 'status' | 'headers'> {
  const [statusLine, ...lines] = head.split('\r\n');
  const status = Number(statusLine!.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status, headers };
}

/** The length of a chunked body's encoding at the start of `data` and its decoded bytes, or null if incomplete. */
function dechunk(data: Buffer): { consumed: number; body: Buffer } | null {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd === -1) return null;
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    const start = lineEnd + 2;
    if (data.length < start + size + 2) return null;
    if (size === 0) return { consumed: start + 2, body: Buffer.concat(parts) };
    parts.push(data.subarray(start, start + size));
    offset = start + size + 2;
  }
}

/** Splits complete responses off the front of `data`; `headOnly` responses (to HEAD) have no body. */
function takeResponses(data: Buffer, headOnly: boolean): { responses: RawResponse[]; rest: Buffer } {
  const responses: RawResponse[] = [];
  let rest = data;
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) break;
    const { status, headers } = parseHead(rest.subarray(0, headEnd).toString('latin1'));
    const afterHead = rest.subarray(headEnd + 4);
    if (headOnly || status === 204 || status === 304) {
      responses.push({ status, headers, body: '' });
      rest = afterHead;
    } else if (headers['transfer-encoding'] === 'chunked') {
      const chunked = dechunk(afterHead);
      if (!chunked) break;
      responses.push({ status, headers, body: chunked.body.toString('utf8') });
      rest = afterHead.subarray(chunked.consumed);
    } else {
      const length = Number(headers['content-length'] ?? 0);
      if (afterHead.length < length) break;
      responses.push({ status, headers, body: afterHead.subarray(0, length).toString('utf8') });
      rest = afterHead.subarray(length);
    }
  }
  return { responses, rest };
}

/**
 * Writes each payload as it is, on one new socket, the next once the answer to the one before has arrived (a
 * keep-alive client), and resolves with the answers. Several requests in one payload are pipelined: give `count` for
 * how many answers that payload brings. Rejects when the socket closes or 10 s pass before they all arrive.
 */
export async function rawExchange(
  url: string,
  payloads: string | string[],
  { count, headOnly = false }: { count?: number; headOnly?: boolean } = {},
): Promise<RawResponse[]> {
  const queue = typeof payloads === 'string' ? [payloads] : [...payloads];
  const expected = count ?? queue.length;
  const socket = await openSocket(url);
  return new Promise((resolve, reject) => {
    const responses: RawResponse[] = [];
    let pending: Buffer = Buffer.alloc(0);
    const fail = (why: string) => {
      socket.destroy();
      reject(new Error(`${why} after ${responses.length} of ${expected} responses: ${pending.toString('latin1')}`));
    };
    socket.setTimeout(10_000, () => fail('timed out'));
    socket.on('data', (chunk: Buffer) => {
      const taken = takeResponses(Buffer.concat([pending, chunk]), headOnly);
      responses.push(...taken.responses);
      pending = taken.rest;
      if (responses.length >= expected) {
        socket.destroy();
        resolve(responses.slice(0, expected));
      } else if (taken.responses.length > 0 && queue.length > 0) socket.write(queue.shift()!);
    });
    socket.on('close', () => responses.length < expected && fail('the socket closed'));
    socket.on('error', () => undefined);
    socket.write(queue.shift()!);
  });
}
