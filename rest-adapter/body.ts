// Reads a REST call's body: multipart/form-data (a `data` JSON field and the route's one file) where the route takes
// an upload and the request sends one, JSON otherwise.
import type { IncomingMessage, ServerResponse } from 'node:http';
import typeis from 'type-is';
import { toAppError } from '#src/errors.ts';
import type { Services } from '#src/trpc/context.ts';
import type { Upload } from '#src/uploads.ts';
import { readJsonBody } from './json-body.ts';
import { readMultipart } from './multipart.ts';
import type { RestRoute } from './routes.ts';

export interface ReadBody {
  body: unknown;
  /** The received file, for the procedure to install or the call to discard. */
  upload: Upload | null;
}

export async function readBody(
  route: RestRoute,
  req: IncomingMessage,
  res: ServerResponse,
  { uploads, metrics }: Services,
): Promise<ReadBody> {
  if (!route.upload || !typeis(req, ['multipart/form-data']))
    return { body: await readJsonBody(req, res), upload: null };
  try {
    const read = await readMultipart(req, uploads, route.upload);
    if (read.upload) metrics.uploadBytes.inc(read.upload.size);
    return read;
  } catch (error) {
    metrics.uploadRefusals.inc({ reason: toAppError(error).appCode });
    throw error;
  }
}
