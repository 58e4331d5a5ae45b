// Aurora's statistics, as the Aurora API document describes them.
import { describe, expect, it } from 'vitest';
import { createUser, discordId } from '../support/aurora.ts';
import { request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock(new Date('2030-01-01T10:30:00.000Z'));
const server = useTestServer({ clock: clock.read });

describe('stats', () => {
  it('GET /api/stats counts users, active users, the economy and the last 24 hours', async () => {
    const rich = discordId();
    await createUser(server, { id: rich, username: 'Rich', balance: '9007199254740993' });
    await createUser(server, { id: discordId(), username: 'Poor', balance: '7' });
    await request(server, 'PUT', `/api/users/${rich}`, { json: { balance: '9007199254740995' } });
    const res = await request(server, 'GET', '/api/stats');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      totalUsers: 2,
      activeUsers: 2,
      totalEconomy: '9007199254741002',
      transactions24h: 1,
      liveConnections: 0,
      timestamp: clock.now.toISOString(),
    });
  });

  it('GET /api/stats/activity gives 24 hourly buckets, cached five minutes, dropped by clear-cache', async () => {
    const first = await request(server, 'GET', '/api/stats/activity');
    expect(first.status).toBe(200);
    expect(first.body.buckets).toHaveLength(24);
    expect(first.body.buckets.at(-1)).toEqual({ hour: '2030-01-01T10:00:00.000Z', transactions: 1, cases: 0 });

    await request(server, 'POST', '/api/moderation', {
      json: { type: 'note', userId: '1', username: 'u', moderatorId: '2', moderatorName: 'm' },
    });
    clock.advance(60);
    expect((await request(server, 'GET', '/api/stats/activity')).body).toEqual(first.body);

    clock.advance(300);
    const later = await request(server, 'GET', '/api/stats/activity');
    expect(later.body.buckets.at(-1)).toEqual({ hour: '2030-01-01T10:00:00.000Z', transactions: 1, cases: 1 });

    await request(server, 'POST', '/api/moderation', {
      json: { type: 'note', userId: '1', username: 'u', moderatorId: '2', moderatorName: 'm' },
    });
    await request(server, 'POST', '/api/actions/clear-cache');
    expect((await request(server, 'GET', '/api/stats/activity')).body.buckets.at(-1).cases).toBe(2);
  });
});
