// The OpenAPI description of GET /metrics, the server's own route, which no procedure serves.

/** GET /metrics, for Prometheus. `errorSchema`: the component that describes the error bodies of paths no family claims. */
export function metricsPath(errorSchema: string) {
  const error = { 'application/json': { schema: { $ref: `#/components/schemas/${errorSchema}` } } };
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
        401: { description: 'Missing or invalid metrics token', content: error },
        404: {
          description: 'Not served: HOST is not a loopback address and METRICS_TOKEN is not set',
          content: error,
        },
      },
    },
  };
}

export const metricsSecurityScheme = {
  MetricsToken: { type: 'http', scheme: 'bearer', description: 'GET /metrics on a non-loopback HOST: METRICS_TOKEN' },
} as const;
