// Aurora settings, as the Aurora API document and the README's "Aurora behaviour the document leaves open"
// describe them.
import { describe, expect, it } from 'vitest';
import { request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock(new Date('2030-01-01T10:30:00.000Z'));
const server = useTestServer({ clock: clock.read });

describe('settings', () => {
  it('GET /api/settings is the whole typed document with defaults, bigints as strings', async () => {
    const res = await request(server, 'GET', '/api/settings');
    expect(res.status).toBe(200);
    expect(res.body.economy.daily).toEqual({ amount: '100', streakBonus: '10', weeklyBonus: '50', maxReward: '10000' });
    expect(res.body.inventory.maxStackSize).toBe('999');
    expect(res.body.system).toEqual({ maintenanceMode: false, maintenanceReason: null });
  });

  it('POST /api/settings deep-merges a partial document', async () => {
    const before = (await request(server, 'GET', '/api/settings')).body;
    const res = await request(server, 'POST', '/api/settings', {
      json: { economy: { daily: { amount: '250' } }, quests: { maxActive: 5 } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      settings: {
        ...before,
        economy: { ...before.economy, daily: { ...before.economy.daily, amount: '250' } },
        quests: { maxActive: 5 },
      },
    });
    expect((await request(server, 'GET', '/api/settings')).body).toEqual(res.body.settings);
  });

  it('refuses unknown keys and bad values anywhere with 400, changing nothing', async () => {
    const before = (await request(server, 'GET', '/api/settings')).body;
    const bad = [
      { economy: { daily: { amunt: '1' } } },
      { unknownSection: {} },
      { economy: { daily: { amount: -1 } } },
      { quests: { maxActive: 'many' } },
      { economy: 'rich' },
    ];
    for (const json of bad) {
      const res = await request(server, 'POST', '/api/settings', { json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body).toEqual({ error: 'Validation failed', details: expect.any(String) });
    }
    expect((await request(server, 'GET', '/api/settings')).body).toEqual(before);
  });

  it('never merges __proto__, constructor or prototype', async () => {
    const before = (await request(server, 'GET', '/api/settings')).body;
    const nested = await request(server, 'POST', '/api/settings', {
      body: '{"economy":{"constructor":{"polluted":true}}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(nested.status).toBe(400);
    expect(
      (
        await request(server, 'POST', '/api/settings', {
          body: '{"quests":{"prototype":{"polluted":true}}}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    const proto = await request(server, 'POST', '/api/settings', {
      body: '{"__proto__":{"polluted":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(proto.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = (await request(server, 'GET', '/api/settings')).body;
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('polluted');
  });

  it('GET /api/settings/meta is empty until the bot publishes, then what it published', async () => {
    expect((await request(server, 'GET', '/api/settings/meta')).body).toEqual({
      roles: [],
      channels: [],
      commands: [],
    });
    const meta = {
      roles: [{ id: '123', name: 'Admin', color: '#FF0000' }],
      channels: [{ id: '456', name: 'general', type: 0 }],
      commands: [{ name: 'daily', category: 'economy' }],
    };
    expect((await request(server, 'PUT', '/api/settings/meta', { json: meta })).status).toBe(200);
    expect((await request(server, 'GET', '/api/settings/meta')).body).toEqual(meta);
  });
});
