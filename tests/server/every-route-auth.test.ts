// Every REST route of both families, read from the route table: with credentials configured, a request without
// them, with a wrong one, or with the other family's answers 401 in the family's format, and changes nothing.
import { describe, expect, it } from 'vitest';
import { collectRoutes } from '#rest/routes.ts';
import { appRouter } from '#routers/index.ts';
import { API_KEY, request, useTestServer } from '../support/server.ts';

const ADMIN_TOKEN = 'aurora-admin-token-0123';
const routes = collectRoutes(appRouter).map((route) => ({
  ...route,
  family: route.family as 'hubgw' | 'aurora',
  name: `${route.method.toUpperCase()} ${route.path}`,
  url: route.path.replace(/\{\w+\}/g, '1'),
}));

const attempts: Record<'hubgw' | 'aurora', Record<string, string>[]> = {
  hubgw: [
    {},
    { 'X-API-Key': 'wrong-key-0123456789' },
    { 'X-API-Key': '' },
    { Authorization: `Bearer ${ADMIN_TOKEN}` },
    { 'X-API-Key': ADMIN_TOKEN },
  ],
  aurora: [
    {},
    { Authorization: 'Bearer wrong' },
    { Authorization: ADMIN_TOKEN },
    { Authorization: `Basic ${ADMIN_TOKEN}` },
    { 'X-API-Key': API_KEY },
    { Authorization: `Bearer ${API_KEY}` },
  ],
};
const refusal = {
  hubgw: { message: 'Missing or invalid API key', code: 'unauthorized' },
  aurora: { error: 'Missing or invalid admin token' },
};

const server = useTestServer({ env: { SECURITY__ADMIN_TOKEN: ADMIN_TOKEN } });

it('covers both families', () => {
  expect(routes.filter((route) => route.family === 'hubgw').length).toBeGreaterThan(30);
  expect(routes.filter((route) => route.family === 'aurora').length).toBeGreaterThan(30);
  expect(
    routes
      .filter((route) => !route.protect)
      .map((route) => route.name)
      .sort(),
  ).toEqual(['GET /api/health', 'GET /api/v1/health', 'GET /livez', 'GET /readyz']);
});

describe.each(routes.filter((route) => route.protect))('$name', ({ method, url, family }) => {
  it("refuses a missing, wrong or other family's credential with 401", async () => {
    for (const headers of attempts[family]) {
      const res = await request(server, method.toUpperCase(), url, {
        headers,
        ...(method === 'get' ? {} : { json: {} }),
      });
      expect([res.status, res.body], JSON.stringify(headers)).toEqual([401, refusal[family]]);
    }
  });
});

it('wrote nothing through all of the refused requests', async () => {
  const counts = await server.sql<{ count: string }>(`
    select ((select count(*) from aurora.users) + (select count(*) from aurora.items) + (select count(*) from aurora.transactions)
          + (select count(*) from aurora.admin_actions) + (select count(*) from hubgw.homes) + (select count(*) from hubgw.punishments)
          + (select count(*) from hubgw.warps) + (select count(*) from live_events))::text as count`);
  expect(counts).toEqual([{ count: '0' }]);
});
