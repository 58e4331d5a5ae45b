// The bot's economy actions over REST: the daily reward by the UTC calendar, and transfers between users.
import { describe, expect, it } from 'vitest';
import { balanceOf as balanceIn, ledgerOf as ledgerIn, onboard } from '../support/aurora.ts';
import { collect, liveClient } from '../support/live.ts';
import { request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock(new Date('2030-01-01T10:00:00.000Z'));
const newUser = (balance = '0') => onboard(server, { balance });
const balanceOf = (id: string) => balanceIn(server, id);
const ledgerOf = (id: string) => ledgerIn(server, id);
const server = useTestServer({ clock: clock.read });

const claim = (userId: string) => request(server, 'POST', '/api/economy/daily', { json: { userId } });
const setSettings = (patch: Record<string, unknown>) => request(server, 'POST', '/api/settings', { json: patch });

describe('daily reward', () => {
  it('POST /api/economy/daily pays the base amount on the first claim and records DAILY_REWARD', async () => {
    const user = await newUser('5');
    const res = await claim(user);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      amount: '100',
      streak: 1,
      streakBonus: '0',
      weeklyBonus: '0',
      balance: '105',
      nextClaimAt: '2030-01-02T00:00:00.000Z',
    });
    expect(await ledgerOf(user)).toEqual([
      {
        id: expect.any(String),
        userId: user,
        relatedUserId: null,
        amount: '100',
        type: 'DAILY_REWARD',
        description: 'Daily reward (Streak: 1)',
        createdAt: clock.now.toISOString(),
      },
    ]);
    expect((await request(server, 'GET', `/api/users/${user}`)).body).toMatchObject({ balance: '105', dailyStreak: 1 });
  });

  it('refuses a second claim the same UTC day with the time until the next, and changes nothing', async () => {
    const user = await newUser();
    await claim(user);
    clock.advance(14 * 3600 - 1);
    const res = await claim(user);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'Daily reward already claimed today',
      details: 'the next claim opens at 2030-01-02T00:00:00.000Z, in 1 s',
    });
    expect(await balanceOf(user)).toBe('100');
    expect(await ledgerOf(user)).toHaveLength(1);
    clock.advance(1);
    expect((await claim(user)).body).toMatchObject({ streak: 2, amount: '110' });
  });

  it('grows the streak on consecutive days, adds the weekly bonus on the 7th, and restarts after a missed day', async () => {
    const user = await newUser();
    const paid = [];
    for (let day = 0; day < 8; day += 1) {
      const res = await claim(user);
      paid.push([res.body.streak, res.body.amount, res.body.weeklyBonus]);
      clock.advance(86_400);
    }
    expect(paid).toEqual([
      [1, '100', '0'],
      [2, '110', '0'],
      [3, '120', '0'],
      [4, '130', '0'],
      [5, '140', '0'],
      [6, '150', '0'],
      [7, '210', '50'],
      [8, '170', '0'],
    ]);
    clock.advance(86_400);
    expect((await claim(user)).body).toMatchObject({ streak: 1, amount: '100' });
    expect(await balanceOf(user)).toBe(String(100 + 110 + 120 + 130 + 140 + 150 + 210 + 170 + 100));
  });

  it('caps the reward at economy.daily.maxReward', async () => {
    await setSettings({ economy: { daily: { amount: '1000', maxReward: '250' } } });
    try {
      const user = await newUser();
      expect((await claim(user)).body).toMatchObject({ amount: '250', balance: '250' });
    } finally {
      await setSettings({ economy: { daily: { amount: '100', maxReward: '10000' } } });
    }
  });

  it('GET /api/economy/daily/:userId tells whether a claim is open and when the next opens', async () => {
    const user = await newUser();
    expect((await request(server, 'GET', `/api/economy/daily/${user}`)).body).toEqual({
      claimable: true,
      streak: 0,
      lastClaimAt: null,
      nextClaimAt: clock.now.toISOString(),
    });
    const claimedAt = clock.now.toISOString();
    await claim(user);
    const tomorrow = new Date(Math.floor(clock.now.getTime() / 86_400_000 + 1) * 86_400_000).toISOString();
    expect((await request(server, 'GET', `/api/economy/daily/${user}`)).body).toEqual({
      claimable: false,
      streak: 1,
      lastClaimAt: claimedAt,
      nextClaimAt: tomorrow,
    });
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    expect((await claim('42')).body).toEqual({ error: 'User not found', details: "no user with id '42'" });
    expect((await claim('42')).status).toBe(404);
    const bad = await claim('not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'Validation failed', details: 'userId: must be a Discord id (digits)' });
  });
});

describe('transfers', () => {
  const send = (json: unknown) => request(server, 'POST', '/api/economy/transfer', { json });

  it('POST /api/economy/transfer moves the amount and writes TRANSFER_OUT and TRANSFER_IN naming each other', async () => {
    const [alice, bob] = [await newUser('500'), await newUser('20')];
    const res = await send({ fromUserId: alice, toUserId: bob, amount: '120' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      amount: '120',
      from: { id: alice, balance: '380' },
      to: { id: bob, balance: '140' },
    });
    const at = clock.now.toISOString();
    expect(await ledgerOf(alice)).toEqual([
      {
        id: expect.any(String),
        userId: alice,
        relatedUserId: bob,
        amount: '-120',
        type: 'TRANSFER_OUT',
        description: `Transfer to ${bob}`,
        createdAt: at,
      },
    ]);
    expect(await ledgerOf(bob)).toEqual([
      {
        id: expect.any(String),
        userId: bob,
        relatedUserId: alice,
        amount: '120',
        type: 'TRANSFER_IN',
        description: `Transfer from ${alice}`,
        createdAt: at,
      },
    ]);
  });

  it('may spend the whole balance, and refuses more with nothing changed', async () => {
    const [alice, bob] = [await newUser('50'), await newUser()];
    const over = await send({ fromUserId: alice, toUserId: bob, amount: '51' });
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ error: 'Insufficient funds', details: 'balance is 50, 51 needed' });
    expect([await balanceOf(alice), await balanceOf(bob)]).toEqual(['50', '0']);
    expect((await send({ fromUserId: alice, toUserId: bob, amount: '50' })).body.from).toEqual({
      id: alice,
      balance: '0',
    });
  });

  it('refuses bad amounts, oneself and unknown users with a clear 4xx and changes nothing', async () => {
    const [alice, bob] = [await newUser('1000'), await newUser()];
    const cases: [unknown, number, Record<string, string>][] = [
      [
        { fromUserId: alice, toUserId: alice, amount: '10' },
        400,
        { error: 'Validation failed', details: 'toUserId: cannot transfer to oneself' },
      ],
      [
        { fromUserId: alice, toUserId: bob, amount: '0' },
        400,
        {
          error: 'Validation failed',
          details: 'amount: must be an integer from 1 to 9223372036854775807, in a string',
        },
      ],
      [
        { fromUserId: alice, toUserId: bob, amount: '-5' },
        400,
        {
          error: 'Validation failed',
          details: 'amount: must be an integer from 1 to 9223372036854775807, in a string',
        },
      ],
      [
        { fromUserId: alice, toUserId: bob, amount: '9223372036854775808' },
        400,
        {
          error: 'Validation failed',
          details: 'amount: must be an integer from 1 to 9223372036854775807, in a string',
        },
      ],
      [
        { fromUserId: alice, toUserId: bob, amount: 10 },
        400,
        { error: 'Validation failed', details: 'amount: Invalid input: expected string, received number' },
      ],
      [
        { fromUserId: alice, toUserId: bob, amount: '2000000000' },
        400,
        { error: 'Amount out of range', details: 'transfers must be from 1 to 1000000000' },
      ],
      [
        { fromUserId: alice, toUserId: '77', amount: '10' },
        404,
        { error: 'User not found', details: "no user with id '77'" },
      ],
      [
        { fromUserId: '77', toUserId: bob, amount: '10' },
        404,
        { error: 'User not found', details: "no user with id '77'" },
      ],
    ];
    for (const [body, status, error] of cases) {
      const res = await send(body);
      expect([res.status, res.body], JSON.stringify(body)).toEqual([status, error]);
    }
    expect([await balanceOf(alice), await balanceOf(bob)]).toEqual(['1000', '0']);
    expect([...(await ledgerOf(alice)), ...(await ledgerOf(bob))]).toEqual([]);
  });

  it('keeps to economy.transfers.minAmount and maxAmount, each bound itself allowed', async () => {
    const [alice, bob] = [await newUser('1000'), await newUser()];
    await setSettings({ economy: { transfers: { minAmount: '25', maxAmount: '400' } } });
    try {
      const outOfRange = { error: 'Amount out of range', details: 'transfers must be from 25 to 400' };
      expect((await send({ fromUserId: alice, toUserId: bob, amount: '24' })).body).toEqual(outOfRange);
      expect((await send({ fromUserId: alice, toUserId: bob, amount: '401' })).body).toEqual(outOfRange);
      expect((await send({ fromUserId: alice, toUserId: bob, amount: '25' })).status).toBe(200);
      const atMax = await send({ fromUserId: alice, toUserId: bob, amount: '400' });
      expect([atMax.status, atMax.body]).toEqual([
        200,
        { success: true, amount: '400', from: { id: alice, balance: '575' }, to: { id: bob, balance: '425' } },
      ]);
    } finally {
      await setSettings({ economy: { transfers: { minAmount: '1', maxAmount: '1000000000' } } });
    }
  });

  it('refuses a transfer the receiver cannot hold, taking nothing from the sender', async () => {
    const [alice, rich] = [await newUser('10'), await newUser('9223372036854775800')];
    const res = await send({ fromUserId: alice, toUserId: rich, amount: '10' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Balance limit reached', details: `user ${rich} cannot hold 10 more` });
    expect([await balanceOf(alice), await balanceOf(rich)]).toEqual(['10', '9223372036854775800']);
    expect(await ledgerOf(alice)).toEqual([]);
  });
});

describe('for the bot as a typed tRPC client', () => {
  it('refuses a second daily claim through aurora.economy.daily with the next claim time in its details', async () => {
    const user = await newUser();
    const client = liveClient(server);
    try {
      const { nextClaimAt } = await client.trpc.aurora.economy.daily.mutate({ userId: user });
      await expect(client.trpc.aurora.economy.daily.mutate({ userId: user })).rejects.toMatchObject({
        message: 'Daily reward already claimed today',
        data: {
          appCode: 'cooldown_active',
          details: { nextClaimAt, retryAfterSeconds: (Date.parse(nextClaimAt) - clock.now.getTime()) / 1000 },
        },
      });
    } finally {
      client.close();
    }
  });

  it('transfers through aurora.economy.transfer and announces the committed change as a live event; a refused one announces nothing', async () => {
    const [alice, bob] = [await newUser('300'), await newUser()];
    const client = liveClient(server);
    try {
      const received = collect<{ id: string; data: { id: string; type: string; timestamp: string; data?: unknown } }>(
        (handlers) => client.trpc.aurora.live.events.subscribe(undefined, handlers),
        1,
      );
      await received.started;
      await expect(
        client.trpc.aurora.economy.transfer.mutate({ fromUserId: alice, toUserId: bob, amount: '301' }),
      ).rejects.toMatchObject({
        data: { appCode: 'invalid_state', details: { balance: '300', required: '301' } },
      });
      const result = await client.trpc.aurora.economy.transfer.mutate({
        fromUserId: alice,
        toUserId: bob,
        amount: '300',
      });
      expect(result).toEqual({
        success: true,
        amount: '300',
        from: { id: alice, balance: '0' },
        to: { id: bob, balance: '300' },
      });
      const [event] = await received;
      expect(event!.data).toMatchObject({ type: 'economy.transfer', data: result });
    } finally {
      client.close();
    }
  });
});
