// GET /metrics for Prometheus: open on a loopback HOST, behind METRICS_TOKEN otherwise, and not served without one.
import { Router } from 'express';
import { bearerCheck } from '../auth.ts';
import type { MetricsAccess } from '../config.ts';
import { AppError } from '../errors.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';

export function metricsRouter(metrics: ServerMetrics, access: MetricsAccess): Router {
  const router = Router();
  if (access.kind === 'disabled') return router;
  const authorized = access.kind === 'token' ? bearerCheck(access.token) : () => true;
  router.get('/metrics', (req, res, next) => {
    if (!authorized(req.headers)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return next(new AppError('unauthorized', 'Missing or invalid metrics token'));
    }
    metrics.registry.metrics().then((text) => res.type(metrics.registry.contentType).send(text), next);
  });
  return router;
}
