// The interactive reference at /docs, rendered from /openapi.json by the bundled Swagger UI (no CDN needed).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const pageDir = new URL('./docs/', import.meta.url).pathname;

export function docsRouter(): Router {
  const docs = Router();
  docs.get('/docs', (_req, res) => res.sendFile('index.html', { root: pageDir }));
  docs.get('/docs/init.js', (_req, res) => res.sendFile('init.js', { root: pageDir }));
  docs.use('/docs/assets', express.static(swaggerUiDir, { index: false, maxAge: '1d' }));
  return docs;
}
