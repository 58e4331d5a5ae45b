// The tRPC instance: context, REST meta and the error shape every transport shares.
import { initTRPC } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { toAppError } from '../errors.ts';
import type { Context } from './context.ts';
import type { UploadRule } from '../uploads.ts';
import type { CallPolicy } from './policy.ts';
import type { RouteExample } from './route-example.ts';

/** The most calls one HTTP request or one WebSocket message may batch; a larger batch is refused whole. */
export const MAX_BATCH_SIZE = 32;

/**
 * `policy` says who may call the procedure and whether the rate limit counts it (see policy.ts); its family's base
 * procedure sets it. `status` is the REST success status; 204 answers with no body. `reads` marks a read sent as a
 * POST: it goes on while writes are refused for want of disk space. `jsonBody` marks a DELETE whose input
 * comes as a JSON body, as its document sends it, so the OpenAPI document describes a body, not a query. `upload` is
 * the rule of the one file a multipart/form-data route takes. `example` is what the OpenAPI document shows and Try it
 * out sends.
 */
export type RouteMeta = OpenApiMeta<{
  policy?: CallPolicy;
  status?: 200 | 201 | 202 | 204;
  jsonBody?: true;
  reads?: true;
  upload?: UploadRule;
  example?: RouteExample;
}>;

export const t = initTRPC
  .context<Context>()
  .meta<RouteMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const appError = toAppError(error);
      return {
        ...shape,
        message: appError.message,
        data: {
          ...shape.data,
          stack: undefined,
          appCode: appError.appCode,
          details: appError.details ?? null,
          explanation: appError.explanation ?? null,
        },
      };
    },
  });
