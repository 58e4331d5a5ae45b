// Aurora items (JSON) and inventory, as the Aurora API document and the README's "Aurora behaviour the document leaves
// open" describe them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, discordId } from '../support/aurora.ts';
import { request, useTestServer } from '../support/server.ts';

const server = useTestServer();

const potion = {
  name: 'Health Potion',
  description: 'Restores HP',
  type: 'CONSUMABLE',
  rarity: 'C',
  price: '100',
  iconUrl: '/assets/items/placeholder.png',
  imageUrl: '/assets/items/placeholder.png',
  usageData: { consume: true, effects: [] },
};

async function createItem(body: Record<string, unknown>) {
  return request(server, 'POST', '/api/items', { json: body });
}

describe('items', () => {
  let potionId: number;

  it('POST /api/items creates an item from JSON: 201 {success, item}', async () => {
    const res = await createItem(potion);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, item: { id: expect.any(Number), ...potion } });
    potionId = res.body.item.id;
  });

  it("GET /api/items/:id returns it in the document's shape", async () => {
    const res = await request(server, 'GET', `/api/items/${potionId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: potionId, ...potion });
  });

  it('refuses a duplicate name (any case) with 409', async () => {
    expect(await createItem({ ...potion, name: 'HEALTH POTION' })).toMatchObject({
      status: 409,
      body: { error: 'Item name already exists' },
    });
  });

  it('refuses bad rarity, price or id with 400, never 500', async () => {
    for (const body of [
      { ...potion, name: 'a', rarity: 'X' },
      { ...potion, name: 'b', price: '-1' },
      { ...potion, name: 'c', price: 'ten' },
      { ...potion, name: '' },
    ]) {
      const res = await createItem(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ error: 'Validation failed', details: expect.any(String) });
    }
    expect((await request(server, 'GET', '/api/items/abc')).status).toBe(400);
    expect(await request(server, 'GET', '/api/items/999999')).toMatchObject({
      status: 404,
      body: { error: 'Item not found' },
    });
  });

  it('PUT /api/items/:id changes given fields', async () => {
    const res = await request(server, 'PUT', `/api/items/${potionId}`, {
      json: { price: '9007199254740993', rarity: 'SR' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      item: { id: potionId, ...potion, price: '9007199254740993', rarity: 'SR' },
    });
  });

  it('GET /api/items filters by search over name and description, type and rarity, with the total', async () => {
    await createItem({ name: 'Iron Sword', description: 'A sturdy blade', type: 'WEAPON', rarity: 'R', price: '500' });
    await createItem({
      name: 'Elixir',
      description: 'Better than a potion',
      type: 'CONSUMABLE',
      rarity: 'SSR',
      price: '5000',
    });
    const search = await request(server, 'GET', '/api/items?search=POTION');
    expect(search.body.items.map((i: { name: string }) => i.name).sort()).toEqual(['Elixir', 'Health Potion']);
    expect(search.body.total).toBe(2);
    const filtered = await request(server, 'GET', '/api/items?type=CONSUMABLE&rarity=SSR');
    expect(filtered.body).toMatchObject({ total: 1, items: [{ name: 'Elixir' }] });
    const paged = await request(server, 'GET', '/api/items?limit=1&offset=1');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBe(3);
    expect((await request(server, 'GET', '/api/items?rarity=UR')).status).toBe(400);
  });

  it('DELETE /api/items/:id answers 204, then 404', async () => {
    const made = await createItem({ name: 'Junk', type: 'MISC', rarity: 'C' });
    expect((await request(server, 'DELETE', `/api/items/${made.body.item.id}`)).status).toBe(204);
    expect((await request(server, 'DELETE', `/api/items/${made.body.item.id}`)).status).toBe(404);
  });
});

describe('inventory', () => {
  const user = discordId();
  let itemId: number;
  beforeAll(async () => {
    await createUser(server, { id: user, username: 'Holder' });
    itemId = (await createItem({ name: 'Gem', type: 'MATERIAL', rarity: 'R', price: '10' })).body.item.id;
  });

  it('POST adds to the stack and answers the new total: 201 {success, entry}', async () => {
    const first = await request(server, 'POST', `/api/users/${user}/inventory`, { json: { itemId, quantity: '5' } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      success: true,
      entry: {
        userId: user,
        itemId,
        quantity: '5',
        item: {
          id: itemId,
          name: 'Gem',
          description: null,
          type: 'MATERIAL',
          rarity: 'R',
          price: '10',
          iconUrl: null,
          imageUrl: null,
          usageData: null,
        },
      },
    });
    const second = await request(server, 'POST', `/api/users/${user}/inventory`, { json: { itemId, quantity: '3' } });
    expect(second.body.entry.quantity).toBe('8');
  });

  it('GET lists the stacks with their items', async () => {
    const res = await request(server, 'GET', `/api/users/${user}/inventory`);
    expect(res.status).toBe(200);
    expect(res.body.inventory).toEqual([
      expect.objectContaining({ userId: user, itemId, quantity: '8', item: expect.objectContaining({ name: 'Gem' }) }),
    ]);
  });

  it('DELETE removes amount (default 1); more than held is 400 and removes nothing', async () => {
    expect((await request(server, 'DELETE', `/api/users/${user}/inventory/${itemId}`)).status).toBe(204);
    expect((await request(server, 'DELETE', `/api/users/${user}/inventory/${itemId}?amount=3`)).status).toBe(204);
    const tooMany = await request(server, 'DELETE', `/api/users/${user}/inventory/${itemId}?amount=5`);
    expect(tooMany).toMatchObject({
      status: 400,
      body: { error: 'Not enough items', details: 'holds 4, asked to remove 5' },
    });
    expect((await request(server, 'GET', `/api/users/${user}/inventory`)).body.inventory[0].quantity).toBe('4');
  });

  it('removes the row at zero; then the item is not held (404)', async () => {
    expect((await request(server, 'DELETE', `/api/users/${user}/inventory/${itemId}?amount=4`)).status).toBe(204);
    expect((await request(server, 'GET', `/api/users/${user}/inventory`)).body).toEqual({ inventory: [] });
    expect(await request(server, 'DELETE', `/api/users/${user}/inventory/${itemId}`)).toMatchObject({
      status: 404,
      body: { error: 'Item not in inventory' },
    });
  });

  it('answers 404 for an unknown user or item, and 400 for bad quantities', async () => {
    expect(await request(server, 'GET', '/api/users/1/inventory')).toMatchObject({
      status: 404,
      body: { error: 'User not found' },
    });
    expect(
      await request(server, 'POST', `/api/users/${user}/inventory`, { json: { itemId: 999999, quantity: '1' } }),
    ).toMatchObject({ status: 404, body: { error: 'Item not found' } });
    for (const quantity of ['0', '-1', 'many', 5]) {
      expect(
        (await request(server, 'POST', `/api/users/${user}/inventory`, { json: { itemId, quantity } })).status,
      ).toBe(400);
    }
    for (const amount of ['0', '-2', 'x']) {
      expect((await request(server, 'DELETE', `/api/users/${user}/inventory/${itemId}?amount=${amount}`)).status).toBe(
        400,
      );
    }
  });

  it('answers 400, not 500, for an item id past the int4 column', async () => {
    const res = await request(server, 'POST', `/api/users/${user}/inventory`, {
      json: { itemId: 3000000000, quantity: '1' },
    });
    expect(res).toMatchObject({
      status: 400,
      body: { error: 'Validation failed', details: 'itemId: Too big: expected number to be <=2147483647' },
    });
    expect(Object.keys(res.body)).toEqual(['error', 'details']);
  });

  it('refuses a stack past the bigint maximum without changing it', async () => {
    await request(server, 'POST', `/api/users/${user}/inventory`, {
      json: { itemId, quantity: '9223372036854775800' },
    });
    const over = await request(server, 'POST', `/api/users/${user}/inventory`, { json: { itemId, quantity: '8' } });
    expect(over.status).toBe(400);
    expect((await request(server, 'GET', `/api/users/${user}/inventory`)).body.inventory[0].quantity).toBe(
      '9223372036854775800',
    );
  });

  it('goes with its item when the item is deleted', async () => {
    const other = (await createItem({ name: 'Ephemeral', type: 'MISC', rarity: 'C' })).body.item.id;
    await request(server, 'POST', `/api/users/${user}/inventory`, { json: { itemId: other, quantity: '1' } });
    await request(server, 'DELETE', `/api/items/${other}`);
    const held = (await request(server, 'GET', `/api/users/${user}/inventory`)).body.inventory.map(
      (entry: { itemId: number }) => entry.itemId,
    );
    expect(held).not.toContain(other);
  });
});
