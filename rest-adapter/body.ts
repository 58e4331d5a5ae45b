// Reads a REST call's body: multipart/form-data (a `data` JSON field and an `image` file) where the route takes an
// image and the request sends one, JSON otherwise.
import type { IncomingMessage, ServerResponse } from 'node:http';
import typeis from 'type-is';
import { toAppError } from '#src/errors.ts';
import type { Context } from '#src/trpc/context.ts';
import { readJsonBody } from './json-body.ts';
import { readMultipart } from './multipart.ts';
import type { RestRoute } from './routes.ts';

/** The body; a received image is put on the call's context, for the procedure to install or the call to discard. */
export async function readBody(
  route: RestRoute,
  req: IncomingMessage,
  res: ServerResponse,
  context: Context,
): Promise<unknown> {
  if (!route.multipart || !typeis(req, ['multipart/form-data'])) return readJsonBody(req, res);
  const { uploads, metrics } = context.services;
  try {
    const { body, upload } = await readMultipart(req, uploads);
    context.upload = upload;
    if (upload) metrics.uploadBytes.inc(upload.size);
    return body;
  } catch (error) {
    metrics.uploadRefusals.inc({ reason: toAppError(error).appCode });
    throw error;
  }
}
