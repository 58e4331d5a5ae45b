// Reads a JSON request body of at most 1 MB; anything else is refused before a procedure runs. The common request,
// UTF-8 and not compressed, is read here directly; one with another charset or a Content-Encoding goes through
// body-parser, which decodes and inflates it. Both end the same way: parsed strictly, with the same errors.
// Kept over express.json for the common small body: 46 against 52 µs of CPU per 84-byte request, a tie at 7 KB
// (BENCHMARKS.md, 2026-12-02); tests/server/json-body-rules.test.ts holds it to express.json's verdicts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import typeis from 'type-is';
import { AppError } from '#src/errors.ts';

const MAX_JSON_BYTES = 1024 * 1024;
/** How the limit reads in a 413's message. */
const MAX_JSON_LABEL = '1mb';

const parseJson = express.json({ limit: MAX_JSON_BYTES, strict: true }) as unknown as (
  req: IncomingMessage,
  res: ServerResponse,
  done: (error?: unknown) => void,
) => void;

const malformed = () => new AppError('validation_error', 'Malformed JSON body');
export const tooLarge = () => new AppError('payload_too_large', `Request body exceeds ${MAX_JSON_LABEL}`);
export const notJson = () => new AppError('unsupported_media_type', 'Content-Type must be application/json');
const unreadable = () => new AppError('validation_error', 'Unreadable request body');

function hasBody(headers: IncomingMessage['headers']): boolean {
  return (
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
}

/** body-parser reports its failures as http-errors with a `type`; they become our codes here. */
function translateParseError(error: { type?: string; status?: number }): AppError {
  switch (error.type) {
    case 'entity.parse.failed':
      return malformed();
    case 'entity.too.large':
      return tooLarge();
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('unsupported_media_type', 'Unsupported body encoding');
    default:
      return error.status !== undefined && error.status < 500
        ? unreadable()
        : new AppError('internal_error', 'Internal server error');
  }
}

function throughBodyParser(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  return new Promise((resolve, reject) =>
    parseJson(req, res, (error) =>
      error
        ? reject(translateParseError(error as { type?: string; status?: number }))
        : resolve((req as IncomingMessage & { body?: unknown }).body),
    ),
  );
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/** UTF-8 (stated, or by JSON's default) and sent as it is, with no Content-Encoding. */
function plainUtf8(headers: IncomingMessage['headers']): boolean {
  const encoding = headers['content-encoding'];
  const charset = CHARSET.exec(headers['content-type'] ?? '')?.[1];
  return (
    (encoding === undefined || encoding.toLowerCase() === 'identity') &&
    (charset === undefined || charset.toLowerCase() === 'utf-8')
  );
}

function readUtf8(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_JSON_BYTES) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: AppError) => {
      req.off('data', onData).off('end', onEnd).off('error', onFailure).off('aborted', onFailure);
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BYTES) stop(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size).toString('utf8'));
    const onFailure = () => stop(unreadable());
    req.on('data', onData).once('end', onEnd).once('error', onFailure).once('aborted', onFailure);
  });
}

/** As body-parser's strict mode reads it: empty is `{}`, and only an object or an array is JSON here. */
function parseStrict(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length === 0) return {};
  const first = body.trimStart()[0];
  if (first !== '{' && first !== '[') throw malformed();
  try {
    return JSON.parse(body);
  } catch {
    throw malformed();
  }
}

/** The parsed body, or undefined when the request has none. */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  if (!hasBody(req.headers)) return undefined;
  if (!typeis(req, ['application/json'])) throw notJson();
  if (!plainUtf8(req.headers)) return throughBodyParser(req, res);
  return parseStrict(await readUtf8(req));
}
