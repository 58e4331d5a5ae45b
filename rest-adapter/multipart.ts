// Reads a multipart/form-data request: the `data` field (JSON of the input) and the one file its route's upload rule
// names, streamed to a temporary file held to the rule's size, whose type the rule reads from its bytes. Nothing is
// left behind on failure.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { AppError } from '#src/errors.ts';
import type { Upload, UploadDir, UploadRule } from '#src/uploads.ts';

const MAX_DATA_BYTES = 1024 * 1024;

export interface MultipartInput {
  body: Record<string, unknown>;
  upload: Upload | null;
}

function parseData(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('validation_error', 'Malformed JSON in the data field');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new AppError('validation_error', 'The data field must be a JSON object');
  return value as Record<string, unknown>;
}

/** Counts bytes and keeps the first few for the rule to read the type from; fails once the limit is passed. */
function measuring(rule: UploadRule) {
  let size = 0;
  let head = Buffer.alloc(0);
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > rule.maxBytes) return done(new AppError('payload_too_large', rule.tooLarge));
      if (head.length < rule.headBytes) head = Buffer.concat([head, chunk.subarray(0, rule.headBytes - head.length)]);
      done(null, chunk);
    },
  });
  return { stream, size: () => size, head: () => head };
}

/** Writing the file failed on the server's side (a full disk, an I/O error): never the client's fault. */
function storageFailure(rule: UploadRule, cause: unknown): AppError {
  return new AppError('insufficient_storage', `The server could not store the ${rule.noun}`, undefined, { cause });
}

/**
 * Resolves once the whole body is read, or rejects at once when the image cannot be stored: the rest of the body is
 * then read and dropped, so the answer does not wait for it and the connection stays usable.
 */
export function readMultipart(req: IncomingMessage, uploadDir: UploadDir, rule: UploadRule): Promise<MultipartInput> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fieldSize: MAX_DATA_BYTES, parts: 12 } });
    } catch {
      reject(new AppError('validation_error', 'Malformed multipart body'));
      return;
    }
    let body: Record<string, unknown> = {};
    let failure: unknown = null;
    let abandoned = false;
    const written: Promise<Upload | null>[] = [];

    function abandon(error: AppError): void {
      abandoned = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    }

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) failure ??= new AppError('payload_too_large', 'The data field exceeds 1 MB');
      else if (name === 'data') {
        try {
          body = parseData(value);
        } catch (error) {
          failure ??= error;
        }
      }
    });
    parser.on('file', (name, file) => {
      if (name !== rule.field) {
        file.resume();
        failure ??= new AppError(
          'validation_error',
          `Unexpected file field '${name}'; send the ${rule.noun} as '${rule.field}'`,
        );
        return;
      }
      const tempPath = uploadDir.tempPath();
      const meter = measuring(rule);
      const sink = createWriteStream(tempPath);
      // The file is piped rather than put in the pipeline: a failed write must not destroy busboy's stream, which
      // would stall the parser. Instead the file is drained, and the failure decides the answer.
      file.on('error', () => meter.stream.destroy(new AppError('validation_error', 'Unreadable image upload')));
      file.pipe(meter.stream);
      const stored = pipeline(meter.stream, sink).then(
        () => {
          const extension = rule.typeOf(meter.head());
          if (extension) return { tempPath, extension, size: meter.size() };
          failure ??= new AppError('validation_error', rule.wrongType);
          return uploadDir.discard(tempPath).then(() => null);
        },
        async (error: unknown) => {
          file.unpipe(meter.stream);
          file.resume();
          await uploadDir.discard(tempPath);
          if (error instanceof AppError) failure ??= error;
          else if (!abandoned) abandon(storageFailure(rule, error));
          return null;
        },
      );
      written.push(stored);
    });
    parser.on(
      'partsLimit',
      () => (failure ??= new AppError('validation_error', 'Too many parts in the multipart body')),
    );
    parser.on('filesLimit', () => (failure ??= new AppError('validation_error', `Send one ${rule.noun} only`)));
    parser.on('error', () => (failure ??= new AppError('validation_error', 'Malformed multipart body')));
    parser.on('close', () => {
      Promise.all(written)
        .then(async (results) => {
          const uploads = results.filter((upload): upload is Upload => upload !== null);
          if (!failure && !abandoned) return resolve({ body, upload: uploads[0] ?? null });
          await Promise.all(uploads.map((upload) => uploadDir.discard(upload.tempPath)));
          reject(failure);
        })
        .catch((error: unknown) => reject(storageFailure(rule, error)));
    });
    req.pipe(parser);
  });
}
