// A change and its live event commit together (see the README's "Live views"): a server killed with SIGKILL while
// 20 writers keep it busy, again and again, leaves every committed change with its event and no event without its
// change. On PostgreSQL, which survives its client's death mid-transaction.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, queryDatabase, type TestDatabase } from '../support/database.ts';
import { runServerProcess } from '../support/process.ts';

const ROUNDS = 6;
const WRITERS = 20;

/** Starts the server on `url`, keeps `WRITERS` writers creating quests until it dies, and kills it after `killAfterMs`. */
async function writeUntilKilled(url: string, round: number, killAfterMs: number): Promise<number> {
  const server = runServerProcess({
    DATABASE_URL: url,
    SECURITY__API_KEY: 'crash-test-key-0123456789',
    RATE_LIMIT__MAX: '100000000',
  });
  const { port } = (await server.waitForLog('listening')) as { port: number };
  let created = 0;
  let alive = true;
  const writers = Array.from({ length: WRITERS }, async (_, writer) => {
    for (let i = 0; alive; i++) {
      const body = JSON.stringify({ name: `r${round}-w${writer}-${i}`, triggerEvent: 'crash', target: 1 });
      const response = await fetch(`http://127.0.0.1:${port}/api/quests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).catch(() => null);
      if (response?.status === 201) created++;
    }
  });
  await sleep(killAfterMs);
  server.child.kill('SIGKILL');
  await server.exited;
  alive = false;
  await Promise.all(writers);
  return created;
}

describe.skipIf(!onPostgres)('a writing server killed mid-change, again and again', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('leaves every committed change with its event, and no event without its change', async () => {
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS; round++)
      acknowledged += await writeUntilKilled(database.url, round, 700 + Math.random() * 600);
    const [{ quests }] = (await queryDatabase<{ quests: number }>(
      database.url,
      'select count(*)::int as quests from aurora.quests',
    )) as [{ quests: number }];
    // Every quest a client was told of committed; some committed whose answer the kill cut off.
    expect(quests).toBeGreaterThanOrEqual(acknowledged);
    expect(acknowledged).toBeGreaterThan(ROUNDS * WRITERS);
    const withoutEvent = await queryDatabase(
      database.url,
      "select q.id from aurora.quests q where not exists (select 1 from live_events e where e.type = 'quests.create' and (e.data->'data'->>'id')::int = q.id)",
    );
    const withoutChange = await queryDatabase(
      database.url,
      "select e.id from live_events e where e.type = 'quests.create' and not exists (select 1 from aurora.quests q where q.id = (e.data->'data'->>'id')::int)",
    );
    expect({ withoutEvent, withoutChange }).toEqual({ withoutEvent: [], withoutChange: [] });
  }, 120_000);
});
