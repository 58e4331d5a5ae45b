// Shop purchases and lootdrops over REST: money and stacks change together or not at all.
import { describe, expect, it } from 'vitest';
import { balanceOf as balanceIn, ledgerOf as ledgerIn, onboard } from '../support/aurora.ts';
import { request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock(new Date('2030-03-01T12:00:00.000Z'));
const newUser = (balance = '0') => onboard(server, { balance });
const balanceOf = (id: string) => balanceIn(server, id);
const ledgerOf = (id: string) => ledgerIn(server, id);
const server = useTestServer({ clock: clock.read });

let itemCount = 0;
async function newItem(price: string): Promise<Record<string, unknown>> {
  itemCount += 1;
  const res = await request(server, 'POST', '/api/items', {
    json: { name: `Potion ${itemCount}`, type: 'CONSUMABLE', rarity: 'C', price },
  });
  expect(res.status).toBe(201);
  return res.body.item;
}

const inventoryOf = async (id: string) =>
  (await request(server, 'GET', `/api/users/${id}/inventory`)).body.inventory as Record<string, unknown>[];

describe('shop', () => {
  const buy = (json: unknown) => request(server, 'POST', '/api/shop/buy', { json });

  it('POST /api/shop/buy debits price × quantity, stacks the items and records SHOP_BUY', async () => {
    const [user, item] = [await newUser('1000'), await newItem('75')];
    const res = await buy({ userId: user, itemId: item.id, quantity: '4' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      cost: '300',
      balance: '700',
      entry: { userId: user, itemId: item.id, quantity: '4', item },
    });
    expect(await ledgerOf(user)).toEqual([
      {
        id: expect.any(String),
        userId: user,
        relatedUserId: null,
        amount: '-300',
        type: 'SHOP_BUY',
        description: `Bought 4 × ${item.name}`,
        createdAt: clock.now.toISOString(),
      },
    ]);
    expect((await buy({ userId: user, itemId: item.id })).body).toMatchObject({
      cost: '75',
      balance: '625',
      entry: { quantity: '5' },
    });
  });

  it('with insufficient funds changes nothing', async () => {
    const [user, item] = [await newUser('100'), await newItem('60')];
    const res = await buy({ userId: user, itemId: item.id, quantity: '2' });
    expect([res.status, res.body]).toEqual([
      400,
      { error: 'Insufficient funds', details: 'balance is 100, 120 needed' },
    ]);
    expect([await balanceOf(user), await inventoryOf(user), await ledgerOf(user)]).toEqual(['100', [], []]);
  });

  it('refuses a stack past inventory.maxStackSize, and gives the money back', async () => {
    const [user, item] = [await newUser('100000'), await newItem('1')];
    expect((await buy({ userId: user, itemId: item.id, quantity: '990' })).status).toBe(200);
    const res = await buy({ userId: user, itemId: item.id, quantity: '10' });
    expect([res.status, res.body]).toEqual([
      400,
      { error: 'Stack full', details: 'a stack holds at most 999 of an item' },
    ]);
    expect(await balanceOf(user)).toBe('99010');
    expect((await inventoryOf(user))[0]).toMatchObject({ quantity: '990' });
    expect((await buy({ userId: user, itemId: item.id, quantity: '1000' })).body.error).toBe('Stack full');
    expect((await buy({ userId: user, itemId: item.id, quantity: '9' })).body).toMatchObject({
      entry: { quantity: '999' },
    });
    expect(await ledgerOf(user)).toHaveLength(2);
  });

  it('refuses bad input, unknown users and items, free items and overflowing costs with nothing changed', async () => {
    const [user, item, free, dear] = [
      await newUser('500'),
      await newItem('5'),
      await newItem('0'),
      await newItem('4611686018427387904'),
    ];
    const cases: [unknown, number, Record<string, string>][] = [
      [
        { userId: user, itemId: item.id, quantity: '0' },
        400,
        {
          error: 'Validation failed',
          details: 'quantity: must be an integer from 1 to 9223372036854775807, in a string',
        },
      ],
      [
        { userId: user, itemId: item.id, quantity: '-1' },
        400,
        {
          error: 'Validation failed',
          details: 'quantity: must be an integer from 1 to 9223372036854775807, in a string',
        },
      ],
      [
        { userId: user, itemId: 'one' },
        400,
        { error: 'Validation failed', details: 'itemId: Invalid input: expected number, received string' },
      ],
      [{ userId: user, itemId: 999_999 }, 404, { error: 'Item not found', details: 'no item with id 999999' }],
      [{ userId: '77', itemId: item.id }, 404, { error: 'User not found', details: "no user with id '77'" }],
      [
        { userId: user, itemId: free.id },
        400,
        { error: 'Item is not for sale', details: 'items priced 0 are not sold in the shop' },
      ],
      [
        { userId: user, itemId: dear.id, quantity: '2' },
        400,
        { error: 'Purchase too large', details: '2 × 4611686018427387904 exceeds the largest balance' },
      ],
    ];
    for (const [body, status, error] of cases) {
      const res = await buy(body);
      expect([res.status, res.body], JSON.stringify(body)).toEqual([status, error]);
    }
    expect([await balanceOf(user), await inventoryOf(user), await ledgerOf(user)]).toEqual(['500', [], []]);
  });
});

describe('lootdrops', () => {
  const spawn = (json: unknown) => request(server, 'POST', '/api/lootdrops', { json });
  const claim = (id: string, userId: string) =>
    request(server, 'POST', `/api/lootdrops/${id}/claim`, { json: { userId } });

  it('POST /api/lootdrops spawns a drop that expires after 10 minutes by default: 201', async () => {
    const res = await spawn({ amount: '250', channelId: '456' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      lootdrop: {
        id: expect.stringMatching(/^\d+$/),
        amount: '250',
        channelId: '456',
        createdAt: clock.now.toISOString(),
        expiresAt: new Date(clock.now.getTime() + 600_000).toISOString(),
        claimedBy: null,
        claimedAt: null,
      },
    });
    expect((await request(server, 'GET', `/api/lootdrops/${res.body.lootdrop.id}`)).body).toEqual(res.body.lootdrop);
  });

  it('picks an amount within lootdrops.minAmount and maxAmount when none is given, and honours expiresInMinutes', async () => {
    const amounts = new Set<string>();
    for (let i = 0; i < 30; i += 1) {
      const { lootdrop } = (await spawn({ expiresInMinutes: 3 })).body;
      expect(lootdrop.expiresAt).toBe(new Date(clock.now.getTime() + 180_000).toISOString());
      amounts.add(lootdrop.amount);
    }
    expect([...amounts].every((amount) => BigInt(amount) >= 10n && BigInt(amount) <= 100n)).toBe(true);
    expect(amounts.size).toBeGreaterThan(1);
  });

  it('pays the first claimer (LOOTDROP_CLAIM) and refuses everyone after with 409', async () => {
    const [first, second] = [await newUser('1'), await newUser()];
    const { id } = (await spawn({ amount: '40' })).body.lootdrop;
    clock.advance(30);
    const res = await claim(id, first);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      lootdrop: expect.objectContaining({ id, amount: '40', claimedBy: first, claimedAt: clock.now.toISOString() }),
      balance: '41',
    });
    expect(await ledgerOf(first)).toEqual([
      {
        id: expect.any(String),
        userId: first,
        relatedUserId: null,
        amount: '40',
        type: 'LOOTDROP_CLAIM',
        description: `Lootdrop #${id}`,
        createdAt: clock.now.toISOString(),
      },
    ]);
    const late = await claim(id, second);
    expect([late.status, late.body]).toEqual([
      409,
      { error: 'Lootdrop already claimed', details: `claimed at ${clock.now.toISOString()}` },
    ]);
    expect((await claim(id, first)).status).toBe(409);
    expect([await balanceOf(first), await balanceOf(second)]).toEqual(['41', '0']);
  });

  it('cannot be claimed once expired', async () => {
    const user = await newUser();
    const { id, expiresAt } = (await spawn({ amount: '40', expiresInMinutes: 1 })).body.lootdrop;
    clock.advance(60);
    const res = await claim(id, user);
    expect([res.status, res.body]).toEqual([400, { error: 'Lootdrop expired', details: `expired at ${expiresAt}` }]);
    expect([await balanceOf(user), await ledgerOf(user)]).toEqual(['0', []]);
    expect((await request(server, 'GET', `/api/lootdrops/${id}`)).body).toMatchObject({
      claimedBy: null,
      claimedAt: null,
    });
  });

  it('refuses bad input and unknown drops or users, leaving the drop claimable', async () => {
    const user = await newUser();
    const { id } = (await spawn({ amount: '5' })).body.lootdrop;
    expect((await spawn({ amount: '0' })).status).toBe(400);
    expect((await spawn({ amount: '9223372036854775808' })).status).toBe(400);
    expect((await spawn({ expiresInMinutes: 0 })).status).toBe(400);
    expect((await spawn({ expiresInMinutes: 1441 })).status).toBe(400);
    expect((await claim('999999', user)).body).toEqual({
      error: 'Lootdrop not found',
      details: 'no lootdrop with id 999999',
    });
    expect((await claim('../1', user)).status).toBe(404);
    expect((await claim('abc', user)).status).toBe(400);
    const unknown = await claim(id, '77');
    expect([unknown.status, unknown.body]).toEqual([404, { error: 'User not found', details: "no user with id '77'" }]);
    expect((await claim(id, user)).body.balance).toBe('5');
  });
});
