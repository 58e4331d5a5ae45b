// The OpenAPI description of GET /metrics, the server's own route, which no procedure serves.
import { AppError } from '#src/errors.ts';
import type { ErrorFormat } from './error-format.ts';
import { errorExamples } from './openapi-examples.ts';

/** GET /metrics, for Prometheus. `format`: the error format of paths no family claims. */
export function metricsPath(format: ErrorFormat) {
  const error = (answered: AppError) => ({
    'application/json': {
      schema: { $ref: `#/components/schemas/${format.schemaName}` },
      examples: errorExamples(format, answered),
    },
  });
  return {
    get: {
      operationId: 'server-metrics',
      summary: 'Prometheus metrics',
      description:
        'The Prometheus text exposition format: HTTP requests and latency by route template, procedure calls, the database pool, live events, WebSockets, rate-limit rejections, uploads and the process. Open when HOST is a loopback address; otherwise it needs `Authorization: Bearer <METRICS_TOKEN>`, and without METRICS_TOKEN it is not served (404). Never rate-limited.',
      tags: ['server'],
      security: [{ MetricsToken: [] }, {}],
      responses: {
        200: { description: 'The metrics', content: { 'text/plain; version=0.0.4': { schema: { type: 'string' } } } },
        401: {
          description: 'Missing or invalid metrics token',
          content: error(new AppError('unauthorized', 'Missing or invalid metrics token')),
        },
        404: {
          description: 'Not served: HOST is not a loopback address and METRICS_TOKEN is not set',
          content: error(new AppError('not_found', 'No route for GET /metrics')),
        },
      },
    },
  };
}

export const metricsSecurityScheme = {
  MetricsToken: { type: 'http', scheme: 'bearer', description: 'GET /metrics on a non-loopback HOST: METRICS_TOKEN' },
} as const;
