// Both health routes: the documents' bodies plus the database check, open without credentials.
import { expect, it } from 'vitest';
import { request, useTestServer } from '../support/server.ts';

const server = useTestServer({ env: { SECURITY__ADMIN_TOKEN: 'aurora-admin-token-0123' } });

it('GET /api/health answers {status, timestamp} with the database up, and no token needed', async () => {
  const before = Date.now();
  const res = await request(server, 'GET', '/api/health');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok', timestamp: expect.any(Number), database: 'up' });
  expect(res.body.timestamp).toBeGreaterThanOrEqual(before);
  expect(res.body.timestamp).toBeLessThanOrEqual(Date.now());
});

it('GET /api/v1/health/ answers {status} with the database up, and no key needed', async () => {
  const res = await request(server, 'GET', '/api/v1/health/');
  expect([res.status, res.body]).toEqual([200, { status: 'ok', database: 'up' }]);
});
