// Two instances on one PostgreSQL behave as one: clearing the cache on one clears it on both, maintenance mode and
// settings are read from the shared database by each, and an item image uploaded through one is served by both.
import { describe, expect, it } from 'vitest';
import { IMAGES } from '../fixtures/images.ts';
import { onboard } from '../support/aurora.ts';
import { onPostgres } from '../support/database.ts';
import { request, useTwoInstances, type TestServer } from '../support/server.ts';

describe.skipIf(!onPostgres)('two instances on one PostgreSQL', () => {
  const servers = useTwoInstances();

  async function transactionsLast24h(server: TestServer): Promise<number> {
    const res = await request(server, 'GET', '/api/stats/activity');
    return res.body.buckets.reduce((sum: number, bucket: { transactions: number }) => sum + bucket.transactions, 0);
  }

  it('POST /api/actions/clear-cache on one drops the cached activity on the other', async () => {
    expect(await transactionsLast24h(servers.second)).toBe(0);
    const user = await onboard(servers.first);
    expect((await request(servers.first, 'POST', '/api/economy/daily', { json: { userId: user } })).status).toBe(200);
    expect(await transactionsLast24h(servers.second)).toBe(0);

    const cleared = await request(servers.first, 'POST', '/api/actions/clear-cache');
    expect([cleared.status, cleared.body]).toEqual([200, { success: true, message: 'Caches cleared' }]);
    await expect.poll(() => transactionsLast24h(servers.second)).toBe(1);
  });

  it('a clear-cache signal sent while the listener was down takes effect once it is back', async () => {
    const before = await transactionsLast24h(servers.second);
    const user = await onboard(servers.second);
    expect((await request(servers.second, 'POST', '/api/economy/daily', { json: { userId: user } })).status).toBe(200);
    expect(await transactionsLast24h(servers.second)).toBe(before);
    // One statement ends both instances' listeners and sends the signal, which neither hears.
    await servers.first.sql(
      `select pg_terminate_backend(pid), pg_notify('live_events', 'signal:clear-caches')
       from pg_stat_activity where datname = current_database() and application_name = 'game-backend live events'`,
    );
    await expect.poll(() => transactionsLast24h(servers.second)).toBe(before + 1);
  });

  it('maintenance mode and settings set on one are what the other reports', async () => {
    const on = await request(servers.first, 'POST', '/api/actions/maintenance-mode', {
      json: { enabled: true, reason: 'Upgrading' },
    });
    expect(on.status).toBe(200);
    expect((await request(servers.second, 'GET', '/api/stats')).body.maintenanceMode).toBe(true);
    expect((await request(servers.second, 'GET', '/api/settings')).body.system).toMatchObject({
      maintenanceMode: true,
      maintenanceReason: 'Upgrading',
    });
    await request(servers.first, 'POST', '/api/actions/maintenance-mode', { json: { enabled: false } });
    expect((await request(servers.second, 'GET', '/api/stats')).body.maintenanceMode).toBe(false);
  });

  it('an image uploaded through one is served by the other with the same ETag, and its replacement too', async () => {
    const upload = (path: string, bytes: Buffer, data?: Record<string, unknown>) => {
      const body = new FormData();
      if (data) body.append('data', JSON.stringify(data));
      body.append('image', new Blob([bytes], { type: 'image/png' }), 'image.png');
      return fetch(`${servers.first.url}${path}`, { method: 'POST', body });
    };
    const asset = async (server: TestServer, path: string) => {
      const res = await fetch(`${server.url}${path}`);
      return { status: res.status, etag: res.headers.get('etag'), bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const created = await upload('/api/items', IMAGES.png, { name: 'Shared', type: 'MATERIAL', rarity: 'C' });
    expect(created.status).toBe(201);
    const path = ((await created.json()) as { item: { imageUrl: string } }).item.imageUrl;
    const onFirst = await asset(servers.first, path);
    const onSecond = await asset(servers.second, path);
    expect([onSecond.status, onSecond.etag]).toEqual([200, onFirst.etag]);
    expect(onSecond.bytes.equals(IMAGES.png)).toBe(true);

    // The second has it cached now; the first's replacement reaches it by the signal the commit sends.
    const replacement = Buffer.concat([IMAGES.png, Buffer.from('replaced')]);
    expect(
      (await upload(`${path.replace('/assets/items/', '/api/items/').replace('.png', '')}/icon`, replacement)).status,
    ).toBe(200);
    await expect.poll(async () => (await asset(servers.second, path)).bytes.equals(replacement)).toBe(true);
  });
});
