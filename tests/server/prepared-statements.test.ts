// On PostgreSQL the pool's connections send each query text as a named prepared statement (preparing-client.ts): a
// hot read still answers once its connection is replaced, and a connection holds a bounded number of statements,
// whatever texts pass through it and whatever state its transaction is in.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparingClient, STATEMENTS_PER_CONNECTION } from '#src/database/preparing-client.ts';
import { onPostgres, queryDatabase } from '../support/database.ts';
import { hubgw, startTestServer, type TestServer } from '../support/server.ts';

const PLAYER = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe.skipIf(!onPostgres)('prepared statements on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers a hot read after its connections are terminated, and its statements are prepared anew', async () => {
    const home = { player_uuid: PLAYER, name: 'base', world: 'world', x: 1, y: 64, z: -2, yaw: 0, pitch: 0 };
    expect((await hubgw(server, 'PUT', '/homes/', { json: home })).status).toBe(200);
    const before = await hubgw(server, 'GET', `/homes/${PLAYER}`);
    expect(before.status).toBe(200);

    const name = new URL(server.databaseUrl).pathname.slice(1);
    const terminated = await queryDatabase<{ pid: number }>(
      server.databaseUrl,
      'select pid, pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    expect(terminated.length).toBeGreaterThan(0);
    // Until the backends have gone, the pool may still hand out a connection that is closing.
    for (;;) {
      const left = await queryDatabase(server.databaseUrl, 'select 1 from pg_stat_activity where pid = any($1)', [
        terminated.map(({ pid }) => pid),
      ]);
      if (left.length === 0) break;
    }

    const after = await hubgw(server, 'GET', `/homes/${PLAYER}`);
    expect([after.status, after.body]).toEqual([200, before.body]);
    expect((await hubgw(server, 'PUT', '/homes/', { json: { ...home, x: 5 } })).status).toBe(200);
    expect((await hubgw(server, 'GET', `/homes/${PLAYER}`)).body.homes[0].x).toBe(5);
  });

  describe('one connection', () => {
    // As the pool holds it: a pg client, with pg's own signatures.
    let client: pg.Client;
    const preparedCount = async () =>
      Number((await client.query('select count(*) as n from pg_prepared_statements')).rows[0].n);
    beforeAll(async () => {
      client = new PreparingClient({ connectionString: server.databaseUrl });
      await client.connect();
    });
    afterAll(() => client.end());

    it('holds at most its bound of statements, deallocating the least recently used', async () => {
      for (let n = 0; n < STATEMENTS_PER_CONNECTION + 20; n++) {
        expect((await client.query(`select $1::int + ${n} as sum`, [1])).rows).toEqual([{ sum: n + 1 }]);
      }
      expect(await preparedCount()).toBe(STATEMENTS_PER_CONNECTION);
      expect((await client.query('select $1::int + 0 as sum', [2])).rows).toEqual([{ sum: 2 }]);
      expect(await preparedCount()).toBe(STATEMENTS_PER_CONNECTION);
    });

    it('goes on after a statement fails in a transaction that then needs a statement evicted', async () => {
      await client.query('begin');
      await expect(client.query('select $1::int / 0', [1])).rejects.toThrow('division by zero');
      await expect(client.query('select $1::int + 1000 as sum', [1])).rejects.toThrow('current transaction is aborted');
      await client.query('rollback');
      expect((await client.query('select $1::int + 1000 as sum', [1])).rows).toEqual([{ sum: 1001 }]);
      expect((await client.query('select $1::int + 1 as sum', [1])).rows).toEqual([{ sum: 2 }]);
      expect(await preparedCount()).toBeLessThanOrEqual(STATEMENTS_PER_CONNECTION + 2);
    });

    it('prepares a statement anew when another client changed the table it selects', async () => {
      await client.query('create table reshaped (id int primary key)');
      await client.query('insert into reshaped values (1)');
      const select = 'select * from reshaped where id = $1';
      expect((await client.query(select, [1])).rows).toEqual([{ id: 1 }]);
      await queryDatabase(server.databaseUrl, 'alter table reshaped add column label text');
      expect((await client.query(select, [1])).rows).toEqual([{ id: 1, label: null }]);

      await queryDatabase(server.databaseUrl, 'alter table reshaped add column note text');
      await client.query('begin');
      await expect(client.query(select, [1])).rejects.toThrow('cached plan must not change result type');
      await client.query('rollback');
      expect((await client.query(select, [1])).rows).toEqual([{ id: 1, label: null, note: null }]);
    });

    it('prepares a statement anew when the connection lost its statements', async () => {
      const select = 'select $1::int * 3 as product';
      expect((await client.query(select, [2])).rows).toEqual([{ product: 6 }]);
      await client.query('deallocate all');
      expect((await client.query(select, [2])).rows).toEqual([{ product: 6 }]);
    });
  });
});
