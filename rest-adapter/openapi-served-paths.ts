// The paths the OpenAPI document describes that no procedure serves: item images and the Prometheus metrics.
import { IMAGE_TYPES } from '#src/uploads.ts';

const auroraError = { 'application/json': { schema: { $ref: '#/components/schemas/AuroraError' } } };

/** GET /assets/items/{filename}: served by the REST adapter itself. */
const assetsPath = {
  get: {
    operationId: 'aurora-assets-item',
    summary: "An item's uploaded image",
    description:
      'Served with its content type, `Cache-Control: public, max-age=86400` and an ETag. Only `<id>.<ext>` names exist.',
    tags: ['aurora: items'],
    security: [],
    parameters: [
      {
        in: 'path',
        name: 'filename',
        required: true,
        schema: { type: 'string', pattern: '^\\d{1,10}\\.(png|jpg|webp|gif)$' },
      },
    ],
    responses: {
      200: {
        description: 'The image',
        headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
        content: Object.fromEntries(
          Object.values(IMAGE_TYPES).map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        ),
      },
      304: { description: 'Not modified since the ETag given in If-None-Match' },
      404: { description: 'Not found', content: auroraError },
    },
  },
};

/** GET /metrics: the server's own, for Prometheus. */
const metricsPath = {
  get: {
    operationId: 'server-metrics',
    summary: 'Prometheus metrics',
    description:
      'The Prometheus text exposition format: HTTP requests and latency by route template, procedure calls, the database pool, live events, WebSockets, rate-limit rejections, uploads and the process. Open when HOST is a loopback address; otherwise it needs `Authorization: Bearer <METRICS_TOKEN>`, and without METRICS_TOKEN it is not served (404). Never rate-limited.',
    tags: ['server'],
    security: [{ MetricsToken: [] }, {}],
    responses: {
      200: { description: 'The metrics', content: { 'text/plain; version=0.0.4': { schema: { type: 'string' } } } },
      401: { description: 'Missing or invalid metrics token', content: auroraError },
      404: {
        description: 'Not served: HOST is not a loopback address and METRICS_TOKEN is not set',
        content: auroraError,
      },
    },
  },
};

export const servedPaths = { '/assets/items/{filename}': assetsPath, '/metrics': metricsPath };

export const metricsSecurityScheme = {
  MetricsToken: { type: 'http', scheme: 'bearer', description: 'GET /metrics on a non-loopback HOST: METRICS_TOKEN' },
} as const;
