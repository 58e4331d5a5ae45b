// Credentials on both families and both transports, with an admin token configured.
import { describe, expect, it } from 'vitest';
import { fixtureRouter } from '../support/fixture-router.ts';
import { API_KEY, request, useTestServer } from '../support/server.ts';

const ADMIN_TOKEN = 'admin-token-abcdef';
const server = useTestServer({ router: fixtureRouter, env: { SECURITY__ADMIN_TOKEN: ADMIN_TOKEN } });

describe('Aurora with an admin token', () => {
  it('answers 401 without the bearer token, or with a wrong one, or with the HubGW key', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer nope' },
      { Authorization: ADMIN_TOKEN },
      { 'X-API-Key': API_KEY },
    ];
    for (const headers of attempts) {
      const res = await request(server, 'GET', '/api/whoami', { headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'Missing or invalid admin token' });
    }
  });

  it('serves the caller with the token', async () => {
    const res = await request(server, 'GET', '/api/whoami', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res).toMatchObject({ status: 200, body: { admin: true } });
  });

  it('does not let the admin token stand in for the HubGW key', async () => {
    const res = await request(server, 'POST', '/api/v1/things', {
      json: { name: 'a' },
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(401);
  });
});

describe('tRPC over HTTP', () => {
  const call = (path: string, headers: Record<string, string>) => request(server, 'GET', `/trpc/${path}`, { headers });

  it('needs the same credentials as REST', async () => {
    const denied = await call('aurora.whoami', {});
    expect(denied.status).toBe(401);
    expect(denied.body.error.data).toMatchObject({ code: 'UNAUTHORIZED', appCode: 'unauthorized', httpStatus: 401 });
    const allowed = await call('aurora.whoami', { Authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ result: { data: { admin: true } } });
  });

  it('reports a domain error with its code and details, and hides internal ones', async () => {
    const conflict = await request(server, 'POST', '/trpc/hubgw.conflict', {
      headers: { 'X-API-Key': API_KEY, 'content-type': 'application/json' },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.message).toBe("Thing 'x' already exists");
    expect(conflict.body.error.data).toMatchObject({ appCode: 'already_exists', details: { owner_uuid: 'someone' } });
    const crash = await call('hubgw.crash', { 'X-API-Key': API_KEY });
    expect(crash.status).toBe(500);
    expect(crash.body.error.message).toBe('Internal server error');
    expect(crash.text).not.toContain('secret_table');
    expect(crash.body.error.data.stack).toBeUndefined();
  });
});
