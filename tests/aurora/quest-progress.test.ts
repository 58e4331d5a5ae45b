// Quest progress over REST: assignment limits, event matching, one completion with its rewards, and levels.
import { describe, expect, it } from 'vitest';
import { ledgerOf as ledgerIn, onboard } from '../support/aurora.ts';
import { request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock(new Date('2030-05-01T08:00:00.000Z'));
const newUser = (fields: Record<string, unknown> = {}) => onboard(server, fields);
const ledgerOf = (id: string) => ledgerIn(server, id);
const server = useTestServer({ clock: clock.read });

async function newQuest(fields: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await request(server, 'POST', '/api/quests', { json: { name: 'Quest', ...fields } });
  expect(res.status).toBe(201);
  return res.body.data;
}

const assign = (userId: string, questId: unknown) =>
  request(server, 'POST', `/api/users/${userId}/quests`, { json: { questId } });
const report = (json: unknown) => request(server, 'POST', '/api/quests/events', { json });

describe('assigning quests', () => {
  it('POST /api/users/:userId/quests gives a quest at progress 0: 201 {success, data}', async () => {
    const user = await newUser();
    const quest = await newQuest({
      name: 'Daily Login',
      description: 'Login once',
      triggerEvent: 'login',
      target: 1,
      xpReward: 50,
      balanceReward: 100,
    });
    const res = await assign(user, quest.id);
    expect(res.status).toBe(201);
    const expected = {
      userId: user,
      questId: quest.id,
      progress: 0,
      target: 1,
      completed: false,
      assignedAt: clock.now.toISOString(),
      completedAt: null,
      quest,
    };
    expect(res.body).toEqual({ success: true, data: expected });
    expect((await request(server, 'GET', `/api/users/${user}/quests`)).body).toEqual({
      success: true,
      data: [expected],
    });
  });

  it('never gives the same quest twice, even once completed', async () => {
    const user = await newUser();
    const quest = await newQuest({ triggerEvent: 'once', target: 1 });
    await assign(user, quest.id);
    const again = await assign(user, quest.id);
    expect([again.status, again.body]).toEqual([
      409,
      { error: 'Quest already assigned', details: `quest ${quest.id} was given to this user before` },
    ]);
    await report({ userId: user, event: 'once' });
    expect((await assign(user, quest.id)).status).toBe(409);
  });

  it('holds a user to quests.maxActive open quests; a completed one frees its place', async () => {
    const user = await newUser();
    const quests = [];
    for (let i = 0; i < 4; i += 1) quests.push(await newQuest({ triggerEvent: `task${i}`, target: 1 }));
    for (const quest of quests.slice(0, 3)) expect((await assign(user, quest.id)).status).toBe(201);
    const over = await assign(user, quests[3]!.id);
    expect([over.status, over.body]).toEqual([
      409,
      { error: 'Too many active quests', details: 'a user holds at most 3 active quests' },
    ]);
    await report({ userId: user, event: 'task0' });
    expect((await assign(user, quests[3]!.id)).status).toBe(201);
  });

  it('answers 404 for unknown users and quests, 400 for malformed ids', async () => {
    const user = await newUser();
    expect((await assign(user, 999_999)).body).toEqual({
      error: 'Quest not found',
      details: 'no quest with id 999999',
    });
    expect((await assign('77', 1)).body).toEqual({ error: 'User not found', details: "no user with id '77'" });
    expect((await assign(user, 0)).status).toBe(400);
    expect((await assign(user, '1')).status).toBe(400);
    expect((await request(server, 'GET', '/api/users/77/quests')).status).toBe(404);
    expect((await request(server, 'GET', `/api/users/${user}/quests`)).body).toEqual({ success: true, data: [] });
  });
});

describe('reporting events', () => {
  it('advances quests whose trigger is the event or its prefix up to a colon, by the weight given', async () => {
    const user = await newUser();
    const any = await newQuest({ name: 'Collector', triggerEvent: 'ITEM_COLLECT', target: 10 });
    const exact = await newQuest({ name: 'Gem hunter', triggerEvent: 'ITEM_COLLECT:101', target: 10 });
    const other = await newQuest({ name: 'Chatter', triggerEvent: 'MESSAGE', target: 10 });
    for (const quest of [any, exact, other]) await assign(user, quest.id);

    const res = await report({ userId: user, event: 'ITEM_COLLECT:101', weight: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      quests: [
        expect.objectContaining({ questId: any.id, progress: 3, completed: false }),
        expect.objectContaining({ questId: exact.id, progress: 3, completed: false }),
      ],
      completed: [],
      user: { id: user, balance: '0', xp: '0', level: 1 },
    });
    expect(
      (await report({ userId: user, event: 'ITEM_COLLECT:102' })).body.quests.map((q: any) => [q.questId, q.progress]),
    ).toEqual([[any.id, 4]]);
    expect((await report({ userId: user, event: 'ITEM_COLLECT' })).body.quests.map((q: any) => q.questId)).toEqual([
      any.id,
    ]);
    expect((await report({ userId: user, event: 'ITEM_COLLECT:1011' })).body.quests.map((q: any) => q.questId)).toEqual(
      [any.id],
    );
    for (const event of ['ITEM_COLLECTOR', 'ITEM', 'ITEM_COLLECT_101', 'item_collect', 'MESSAGES']) {
      expect((await report({ userId: user, event })).body.quests, event).toEqual([]);
    }
  });

  it('completes a quest once at its target, paying XP and balance (QUEST_REWARD) and raising the level', async () => {
    const user = await newUser({ balance: '10' });
    const quest = await newQuest({
      name: 'Slayer',
      triggerEvent: 'KILL',
      target: 5,
      xpReward: 400,
      balanceReward: 150,
    });
    await assign(user, quest.id);
    await report({ userId: user, event: 'KILL', weight: 4 });
    clock.advance(60);
    const res = await report({ userId: user, event: 'KILL', weight: 7 });
    expect(res.body).toEqual({
      success: true,
      quests: [
        {
          userId: user,
          questId: quest.id,
          progress: 5,
          target: 5,
          completed: true,
          assignedAt: expect.any(String),
          completedAt: clock.now.toISOString(),
          quest,
        },
      ],
      completed: [quest.id],
      // 400 XP with baseXp 100 and exponent 1.5: level 3 starts at ceil(100 × 2^1.5) = 283, level 4 at ceil(100 × 3^1.5) = 520.
      user: { id: user, balance: '160', xp: '400', level: 3 },
    });
    expect(await ledgerOf(user)).toEqual([
      {
        id: expect.any(String),
        userId: user,
        relatedUserId: null,
        amount: '150',
        type: 'QUEST_REWARD',
        description: 'Quest reward: Slayer',
        createdAt: clock.now.toISOString(),
      },
    ]);
    const after = await report({ userId: user, event: 'KILL' });
    expect(after.body).toMatchObject({ quests: [], completed: [], user: { balance: '160', xp: '400', level: 3 } });
    expect(await ledgerOf(user)).toHaveLength(1);
  });

  it('follows the leveling settings, and keeps a level an admin set higher', async () => {
    await request(server, 'POST', '/api/settings', { json: { leveling: { baseXp: 50, exponent: 2 } } });
    try {
      const user = await newUser();
      const veteran = await newUser({ level: 40 });
      const quest = await newQuest({ triggerEvent: 'BOSS', target: 1, xpReward: 200 });
      await assign(user, quest.id);
      await assign(veteran, quest.id);
      // Level n starts at 50 × (n − 1)²: 200 XP is exactly level 3.
      expect((await report({ userId: user, event: 'BOSS' })).body.user).toEqual({
        id: user,
        balance: '0',
        xp: '200',
        level: 3,
      });
      expect((await report({ userId: veteran, event: 'BOSS' })).body.user).toEqual({
        id: veteran,
        balance: '0',
        xp: '200',
        level: 40,
      });
    } finally {
      await request(server, 'POST', '/api/settings', { json: { leveling: { baseXp: 100, exponent: 1.5 } } });
    }
  });

  it('refuses bad input and unknown users, advancing nothing', async () => {
    const user = await newUser();
    const quest = await newQuest({ triggerEvent: 'JUMP', target: 3 });
    await assign(user, quest.id);
    const cases: [unknown, number][] = [
      [{ userId: user, event: 'JUMP', weight: 0 }, 400],
      [{ userId: user, event: 'JUMP', weight: -1 }, 400],
      [{ userId: user, event: 'JUMP', weight: 1.5 }, 400],
      [{ userId: user, event: 'JUMP', weight: 1_000_001 }, 400],
      [{ userId: user, event: '' }, 400],
      [{ userId: user, event: 'J'.repeat(201) }, 400],
      [{ userId: user, event: 'JUMP\u0000' }, 400],
      [{ userId: user }, 400],
      [{ userId: '77', event: 'JUMP' }, 404],
    ];
    for (const [body, status] of cases) expect((await report(body)).status, JSON.stringify(body)).toBe(status);
    expect((await request(server, 'GET', `/api/users/${user}/quests`)).body.data[0]).toMatchObject({
      progress: 0,
      completed: false,
    });
  });
});
