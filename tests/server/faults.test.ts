// When the database stops taking connections, requests fail fast with 503 in their family's format and readiness
// fails while liveness holds; once it is back, the same server serves again without a restart. On PostgreSQL, where connections can be refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, queryDatabase } from '../support/database.ts';
import { hubgw, request, startTestServer, type TestServer } from '../support/server.ts';

async function admin(sql: string): Promise<void> {
  await queryDatabase(process.env.TEST_DATABASE_URL!, sql);
}

describe.skipIf(!onPostgres)('database unavailable', () => {
  let server: TestServer;
  let name: string;
  beforeAll(async () => {
    server = await startTestServer();
    name = new URL(server.databaseUrl).pathname.slice(1);
  });
  afterAll(async () => {
    await admin(`alter database "${name}" allow_connections true`);
    await server.close();
  });

  it('answers 503 in each family format to a burst of requests, quickly, with health saying why, then recovers', async () => {
    const player = crypto.randomUUID();
    expect((await hubgw(server, 'GET', `/homes/${player}`)).status).toBe(200);

    await admin(`alter database "${name}" allow_connections false`);
    await admin(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
    );

    const started = Date.now();
    const load = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2
          ? hubgw(server, 'GET', `/homes/${player}`)
          : request(server, 'POST', '/api/economy/daily', { json: { userId: '42' } }),
      ),
    );
    expect(load.map((res) => res.status)).toEqual(Array(30).fill(503));
    const hub = await hubgw(server, 'GET', `/homes/${player}`);
    expect(hub.status).toBe(503);
    expect(hub.body).toEqual({ message: 'The database is unavailable; try again shortly', code: 'unavailable' });
    const aurora = await request(server, 'GET', '/api/users');
    expect(aurora.status).toBe(503);
    expect(aurora.body).toEqual({ error: 'The database is unavailable; try again shortly' });
    const auroraHealth = await request(server, 'GET', '/api/health');
    expect([auroraHealth.status, auroraHealth.body]).toEqual([
      503,
      { error: 'The database is unavailable; try again shortly', details: 'database: down' },
    ]);
    const hubgwHealth = await request(server, 'GET', '/api/v1/health/');
    expect([hubgwHealth.status, hubgwHealth.body]).toEqual([
      503,
      {
        message: 'The database is unavailable; try again shortly',
        code: 'unavailable',
        details: { database: 'down' },
      },
    ]);
    const live = await request(server, 'GET', '/livez');
    expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
    const ready = await request(server, 'GET', '/readyz');
    expect([ready.status, ready.body]).toEqual([503, { error: 'Not ready', details: 'database: down' }]);
    expect(Date.now() - started).toBeLessThan(15_000);

    await admin(`alter database "${name}" allow_connections true`);
    expect((await hubgw(server, 'GET', `/homes/${player}`)).status).toBe(200);
    expect((await request(server, 'GET', '/api/users')).status).toBe(200);
    expect((await request(server, 'GET', '/api/health')).body).toMatchObject({ status: 'ok', database: 'up' });
    expect((await request(server, 'GET', '/readyz')).body).toEqual({ status: 'ready', database: 'up' });
  });
});
