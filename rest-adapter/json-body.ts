// Reads a JSON request body of at most 1 MB; anything else is refused before a procedure runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import typeis from 'type-is';
import { AppError } from '#src/errors.ts';

export const MAX_JSON_BODY = '1mb';

// body-parser reads the bare Node request: its charset, its Content-Encoding, and its length against the limit.
const parseJson = express.json({ limit: MAX_JSON_BODY, strict: true }) as unknown as (
  req: IncomingMessage,
  res: ServerResponse,
  done: (error?: unknown) => void,
) => void;

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
      return new AppError('validation_error', 'Malformed JSON body');
    case 'entity.too.large':
      return new AppError('payload_too_large', `Request body exceeds ${MAX_JSON_BODY}`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('unsupported_media_type', 'Unsupported body encoding');
    default:
      return error.status !== undefined && error.status < 500
        ? new AppError('validation_error', 'Unreadable request body')
        : new AppError('internal_error', 'Internal server error');
  }
}

/** The parsed body, or undefined when the request has none. */
export function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  if (!hasBody(req.headers)) return Promise.resolve(undefined);
  if (!typeis(req, ['application/json']))
    return Promise.reject(new AppError('unsupported_media_type', 'Content-Type must be application/json'));
  return new Promise((resolve, reject) =>
    parseJson(req, res, (error) =>
      error
        ? reject(translateParseError(error as { type?: string; status?: number }))
        : resolve((req as IncomingMessage & { body?: unknown }).body),
    ),
  );
}
