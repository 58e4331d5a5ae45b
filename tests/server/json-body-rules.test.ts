// The direct JSON body reader (rest-adapter/json-body.ts) judges each body as body-parser's own `express.json`
// (strict, 1 MB) does: both read the same bytes over real HTTP, and their verdicts are compared, case by case. The
// differences are deliberate and listed at the end: a body that is not `application/json` is refused with 415 by
// ours, where body-parser leaves it unread for the next handler; and `Content-Length: 0` is no body for ours (the
// route's input then comes from its path and query alone), where body-parser makes it `{}`.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#src/errors.ts';
import { readJsonBody } from '#rest/json-body.ts';

const LIMIT = 1024 * 1024;
const bodyParser = express.json({ limit: LIMIT, strict: true }) as unknown as (
  req: unknown,
  res: unknown,
  next: (error?: { type?: string }) => void,
) => void;

/** What a reader made of a body: the value as JSON text, no body at all, or a refusal in our codes. */
type Verdict = { parsed: string } | { none: true } | { refused: string };

/** Nesting levels of a parsed value, counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    if (item !== null && typeof item === 'object')
      for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** The value as JSON text, or, past the depth JSON.stringify can write, its depth. */
function described(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return `${depthOf(value)} levels deep`;
  }
}

/** body-parser's error types, in our codes. */
const BODY_PARSER_REFUSALS: Record<string, string> = {
  'entity.parse.failed': 'validation_error',
  'entity.too.large': 'payload_too_large',
};

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = (verdict: Verdict) => res.end(JSON.stringify(verdict));
    if (req.url === '/ours') {
      readJsonBody(req, res).then(
        (body) => answer(body === undefined ? { none: true } : { parsed: described(body) }),
        (error: unknown) => answer({ refused: error instanceof AppError ? error.appCode : String(error) }),
      );
    } else {
      bodyParser(req, res, (error) => {
        const body = (req as { body?: unknown }).body;
        if (error) answer({ refused: BODY_PARSER_REFUSALS[error.type ?? ''] ?? `body-parser ${error.type}` });
        else answer(body === undefined ? { none: true } : { parsed: described(body) });
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Sent {
  body: Buffer;
  contentType?: string;
  /** Sent chunked, without a Content-Length. */
  chunked?: boolean;
}

function judge(reader: 'ours' | 'body-parser', { body, contentType = 'application/json', chunked }: Sent) {
  return new Promise<Verdict>((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': contentType, Connection: 'close' };
    headers[chunked ? 'Transfer-Encoding' : 'Content-Length'] = chunked ? 'chunked' : String(body.length);
    const req = request({ port, host: '127.0.0.1', method: 'POST', path: `/${reader}`, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk)).on('end', () => resolve(JSON.parse(text) as Verdict));
    });
    // A reader may answer before it reads a body it refuses by its length, and the connection then closes.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? undefined : reject(error)));
    req.end(body);
  });
}

const text = (value: string) => Buffer.from(value, 'utf8');
const nested = (depth: number) => text(`${'['.repeat(depth)}${']'.repeat(depth)}`);

const SAME: [string, Sent][] = [
  ['an object', { body: text('{"a":1,"b":[true,null,"x"]}') }],
  ['an array', { body: text('[1,2,3]') }],
  ['JSON whitespace before and after', { body: text(' \t\r\n{"a":1}\n ') }],
  ['a byte-order mark', { body: text('\ufeff{"a":1}') }],
  ['two byte-order marks', { body: text('\ufeff\ufeff{"a":1}') }],
  ['a no-break space before the object', { body: text('\u00a0{"a":1}') }],
  ['a form feed before the object', { body: text('\f{"a":1}') }],
  ['a bare string', { body: text('"text"') }],
  ['a bare number', { body: text('42') }],
  ['true', { body: text('true') }],
  ['null', { body: text('null') }],
  ['an empty body, chunked', { body: text(''), chunked: true }],
  ['only whitespace', { body: text('   ') }],
  ['a trailing comma', { body: text('{"a":1,}') }],
  ['a comment', { body: text('{"a":1 /* x */}') }],
  ['single quotes', { body: text("{'a':1}") }],
  ['NaN', { body: text('[NaN]') }],
  ['trailing text', { body: text('{"a":1} x') }],
  ['two documents', { body: text('{"a":1}{"b":2}') }],
  ['a number past double range', { body: text('[1e400]') }],
  ['a big integer', { body: text('[9223372036854775807]') }],
  ['a duplicate key', { body: text('{"a":1,"a":2}') }],
  ['a __proto__ key', { body: text('{"__proto__":{"polluted":true}}') }],
  ['an escaped lone surrogate', { body: text('["\\ud800"]') }],
  ['an escaped NUL', { body: text('["\\u0000"]') }],
  ['a raw control character in a string', { body: text('["a\u0001b"]') }],
  ['bytes that are not UTF-8', { body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }],
  ['a truncated UTF-8 sequence', { body: Buffer.from([0x5b, 0x22, 0xe2, 0x82, 0x22, 0x5d]) }],
  ['nesting 1000 deep', { body: nested(1000) }],
  ['nesting 200000 deep', { body: nested(200_000) }],
  ['charset=utf-8 stated', { body: text('{"a":1}'), contentType: 'application/json; charset=utf-8' }],
  ['charset="UTF-8" quoted', { body: text('{"a":1}'), contentType: 'application/json; charset="UTF-8"' }],
  ['exactly 1 MB', { body: text(`["${'x'.repeat(LIMIT - 4)}"]`) }],
  ['1 MB and one byte', { body: text(`["${'x'.repeat(LIMIT - 3)}"]`) }],
  ['1 MB and one byte, chunked', { body: text(`["${'x'.repeat(LIMIT - 3)}"]`), chunked: true }],
];

describe('the direct JSON reader and express.json', () => {
  it.each(SAME)('judge %s alike', async (_label, sent) => {
    const ours = await judge('ours', sent);
    expect(ours).toEqual(await judge('body-parser', sent));
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a +json type', 'application/vnd.api+json'],
    ['form data', 'application/x-www-form-urlencoded'],
  ])('differ, deliberately, on %s: ours refuses with 415, body-parser leaves it unread', async (_label, type) => {
    const sent = { body: text('{"a":1}'), contentType: type };
    expect(await judge('ours', sent)).toEqual({ refused: 'unsupported_media_type' });
    expect(await judge('body-parser', sent)).toEqual({ none: true });
  });

  it('differ, deliberately, on Content-Length: 0: no body for ours, {} for body-parser', async () => {
    const sent = { body: text('') };
    expect(await judge('ours', sent)).toEqual({ none: true });
    expect(await judge('body-parser', sent)).toEqual({ parsed: '{}' });
  });
});
