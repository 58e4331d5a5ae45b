// The body reader for routes that take an image: multipart/form-data when sent so, JSON otherwise.
import type { RequestHandler } from 'express';
import type { ContextDeps } from '#src/trpc/context.ts';
import { toAppError } from '#src/errors.ts';
import { callContext } from './call-context.ts';
import { jsonBody } from './json-body.ts';
import { readMultipart } from './multipart.ts';

export function multipartOrJsonBody(deps: ContextDeps): RequestHandler {
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return jsonBody(req, res, next);
    const { uploads, metrics } = deps.services;
    readMultipart(req, uploads).then(
      ({ body, upload }) => {
        req.body = body;
        callContext(res).upload = upload;
        if (upload) metrics.uploadBytes.inc(upload.size);
        next();
      },
      (error: unknown) => {
        metrics.uploadRefusals.inc({ reason: toAppError(error).appCode });
        next(error);
      },
    );
  };
}
