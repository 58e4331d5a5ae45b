// The body reader for routes that take an image: multipart/form-data when sent so, JSON otherwise.
import type { RequestHandler } from 'express';
import type { Context, ContextDeps } from '#src/trpc/context.ts';
import { toAppError } from '#src/errors.ts';
import { jsonBody } from './json-body.ts';
import { readMultipart } from './multipart.ts';

export function multipartOrJsonBody(deps: ContextDeps): RequestHandler {
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return jsonBody(req, res, next);
    const { itemAssets, metrics } = deps.services;
    readMultipart(req, itemAssets).then(
      ({ body, upload }) => {
        req.body = body;
        (res.locals.context as Context).upload = upload;
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
