// Aurora moderation cases and quests, as the Aurora API document and the README's "Aurora behaviour the document leaves
// open" describe them.
import { describe, expect, it } from 'vitest';
import { request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const warn = {
  type: 'warn',
  userId: '123456789',
  username: 'User1',
  moderatorId: '987654321',
  moderatorName: 'Mod1',
  reason: 'Rule violation',
  metadata: { duration: '24h' },
};

describe('moderation', () => {
  it('POST /api/moderation opens CASE-0001, active for a warn: 201 {success, case}', async () => {
    const res = await request(server, 'POST', '/api/moderation', { json: warn });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      case: {
        id: expect.any(String),
        caseId: 'CASE-0001',
        ...warn,
        active: true,
        createdAt: clock.now.toISOString(),
        resolvedAt: null,
        resolvedBy: null,
        resolvedReason: null,
      },
    });
  });

  it('numbers cases in order; kick, note and prune start inactive', async () => {
    const made = [];
    for (const type of ['timeout', 'ban', 'kick', 'note', 'prune']) {
      clock.advance(1);
      made.push((await request(server, 'POST', '/api/moderation', { json: { ...warn, type } })).body.case);
    }
    expect(made.map((c) => [c.caseId, c.active])).toEqual([
      ['CASE-0002', true],
      ['CASE-0003', true],
      ['CASE-0004', false],
      ['CASE-0005', false],
      ['CASE-0006', false],
    ]);
  });

  it('GET /api/moderation/:caseId returns the case; an unknown one is 404', async () => {
    const res = await request(server, 'GET', '/api/moderation/CASE-0003');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseId: 'CASE-0003', type: 'ban' });
    expect(await request(server, 'GET', '/api/moderation/CASE-9999')).toMatchObject({
      status: 404,
      body: { error: 'Case not found' },
    });
    expect((await request(server, 'GET', '/api/moderation/1')).status).toBe(400);
  });

  it('PUT /api/moderation/:caseId/clear resolves it; clearing again is 409', async () => {
    clock.advance(60);
    const res = await request(server, 'PUT', '/api/moderation/CASE-0001/clear', {
      json: { clearedBy: '987654321', clearedByName: 'Mod1', reason: 'Appeal accepted' },
    });
    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({
      caseId: 'CASE-0001',
      active: false,
      resolvedAt: clock.now.toISOString(),
      resolvedBy: '987654321',
      resolvedReason: 'Appeal accepted',
      metadata: { duration: '24h', clearedByName: 'Mod1' },
    });
    expect(
      await request(server, 'PUT', '/api/moderation/CASE-0001/clear', { json: { clearedBy: '987654321' } }),
    ).toMatchObject({
      status: 409,
      body: { error: 'Case is already cleared' },
    });
    expect(
      (await request(server, 'PUT', '/api/moderation/CASE-0404/clear', { json: { clearedBy: '987654321' } })).status,
    ).toBe(404);
  });

  it('GET /api/moderation lists newest first with filters and the total', async () => {
    const all = await request(server, 'GET', '/api/moderation');
    expect(all.body.total).toBe(6);
    expect(all.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([
      'CASE-0006',
      'CASE-0005',
      'CASE-0004',
      'CASE-0003',
      'CASE-0002',
      'CASE-0001',
    ]);
    const active = await request(server, 'GET', '/api/moderation?active=true&userId=123456789');
    expect(active.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual(['CASE-0003', 'CASE-0002']);
    const bans = await request(server, 'GET', '/api/moderation?type=ban&moderatorId=987654321');
    expect(bans.body).toMatchObject({ total: 1, cases: [{ caseId: 'CASE-0003' }] });
    for (const query of ['type=mute', 'active=yes', 'limit=-1'])
      expect((await request(server, 'GET', `/api/moderation?${query}`)).status).toBe(400);
  });
});

describe('quests', () => {
  const flat = {
    name: 'Daily Login',
    description: 'Login once',
    triggerEvent: 'login',
    target: 1,
    xpReward: 50,
    balanceReward: 100,
  };
  const nested = {
    name: 'Daily Login',
    description: 'Login once',
    triggerEvent: 'login',
    requirements: { target: 1 },
    rewards: { xp: 50, balance: 100 },
  };
  let id: number;

  it('POST /api/quests takes the flat body and answers 201 {success, data} nested', async () => {
    const res = await request(server, 'POST', '/api/quests', { json: flat });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, data: { id: expect.any(Number), ...nested } });
    id = res.body.data.id;
  });

  it('GET /api/quests lists them inside {success, data}', async () => {
    expect(await request(server, 'GET', '/api/quests')).toMatchObject({
      status: 200,
      body: { success: true, data: [{ id, ...nested }] },
    });
  });

  it('PUT /api/quests/:id changes given flat fields', async () => {
    const res = await request(server, 'PUT', `/api/quests/${id}`, { json: { target: 3, balanceReward: 250 } });
    expect(res.body).toEqual({
      success: true,
      data: { id, ...nested, requirements: { target: 3 }, rewards: { xp: 50, balance: 250 } },
    });
  });

  it('refuses a target below 1 or negative rewards; unknown quests are 404', async () => {
    expect((await request(server, 'POST', '/api/quests', { json: { ...flat, target: 0 } })).status).toBe(400);
    expect((await request(server, 'POST', '/api/quests', { json: { ...flat, xpReward: -5 } })).status).toBe(400);
    expect(await request(server, 'PUT', '/api/quests/99999', { json: { target: 2 } })).toMatchObject({
      status: 404,
      body: { error: 'Quest not found' },
    });
  });

  it('DELETE /api/quests/:id answers 204, then 404', async () => {
    expect((await request(server, 'DELETE', `/api/quests/${id}`)).status).toBe(204);
    expect((await request(server, 'DELETE', `/api/quests/${id}`)).status).toBe(404);
  });
});
