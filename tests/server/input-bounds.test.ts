// Input no database can store, in any field and over every transport, answers 400 naming the field, never 500:
// free-form JSON nested past 32 levels, a request nested past 64 (a million levels, too), NUL characters and lone
// UTF-16 surrogates in strings, keys and free-form JSON.
import { describe, expect, it } from 'vitest';
import { discordId, onboard } from '../support/aurora.ts';
import { hubgw, request, useTestServer } from '../support/server.ts';

const server = useTestServer();

/** `{"a": {"a": … leaf}}`, `levels` objects deep. */
function nested(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

/** The same as JSON text, for depths that JSON.stringify itself cannot reach. */
const nestedText = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const asJson = (text: string) => ({ body: text, headers: { 'content-type': 'application/json' } });

/** Status and whole body, as the contract gives them. */
const answer = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

const item = (usageData: unknown) => ({ name: `Item ${Math.random()}`, type: 'MATERIAL', rarity: 'C', usageData });
const PLAYER = '00000000-0000-4000-8000-00000000000b';

describe('free-form JSON fields', () => {
  it('take 32 levels of nesting and refuse 33 with 400 naming the field', async () => {
    expect((await request(server, 'POST', '/api/items', { json: item(nested(32)) })).status).toBe(201);
    expect(answer(await request(server, 'POST', '/api/items', { json: item(nested(33)) }))).toEqual({
      status: 400,
      body: { error: 'Validation failed', details: 'usageData: must not nest deeper than 32 levels' },
    });
    const cooldown = { player_uuid: PLAYER, cooldown_type: 'deep', cooldown_seconds: 60, data: nested(33) };
    expect(answer(await hubgw(server, 'POST', '/cooldowns/', { json: cooldown }))).toEqual({
      status: 400,
      body: {
        message: 'Validation failed',
        code: 'validation_error',
        details: { issues: [{ path: 'data', message: 'must not nest deeper than 32 levels' }] },
      },
    });
  });

  it('refuse 5,000 and 100,000 levels with 400 naming the field', async () => {
    const deepItem = JSON.stringify(item('USAGE')).replace('"USAGE"', nestedText(5000));
    expect(answer(await request(server, 'POST', '/api/items', asJson(deepItem)))).toEqual({
      status: 400,
      body: { error: 'Validation failed', details: 'usageData: must not nest deeper than 64 levels' },
    });
    const user = `{"id": "${discordId()}", "username": "Deep", "settings": ${nestedText(100_000)}}`;
    expect(answer(await request(server, 'POST', '/api/users', asJson(user)))).toEqual({
      status: 400,
      body: { error: 'Validation failed', details: 'settings: must not nest deeper than 64 levels' },
    });
  });
});

describe('a request nested half a million levels', () => {
  // A million characters: half a million levels, just under the 1 MB body limit.
  const million = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;

  it('answers 400 on any REST route, never 500', async () => {
    for (const [send, path] of [
      [request, '/api/users'],
      [hubgw, '/audit/commands'],
    ] as const) {
      const res = await send(server, 'POST', path, asJson(million));
      expect(res.status, path).toBe(400);
    }
  });

  it('answers 400 over tRPC', async () => {
    const res = await fetch(`${server.url}/trpc/hubgw.audit.logCommands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-API-Key': 'test-api-key-0123456789' },
      body: million,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { data: { appCode: 'validation_error' } } });
  });
});

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL inside a JSON field with 400 naming it', async () => {
    expect(answer(await request(server, 'POST', '/api/items', { json: item({ note: 'a\u0000b' }) }))).toEqual({
      status: 400,
      body: { error: 'Validation failed', details: 'usageData.note: must not contain NUL characters' },
    });
    expect(answer(await request(server, 'POST', '/api/items', { json: item({ 'a\u0000b': 1 }) }))).toEqual({
      status: 400,
      body: { error: 'Validation failed', details: 'usageData: keys must not contain NUL characters' },
    });
  });

  it('refuses a lone surrogate in a text field, a JSON field and a list with 400 naming it', async () => {
    const warp = { name: 's\ud800x', world: 'w', x: 0, y: 0, z: 0, yaw: 0, pitch: 0, player_uuid: PLAYER };
    expect(answer(await hubgw(server, 'POST', '/warps/', { json: warp }))).toEqual({
      status: 400,
      body: {
        message: 'Validation failed',
        code: 'validation_error',
        details: { issues: [{ path: 'name', message: 'must not contain lone UTF-16 surrogates' }] },
      },
    });
    expect(answer(await request(server, 'POST', '/api/items', { json: item({ note: 'x\udc00' }) }))).toEqual({
      status: 400,
      body: { error: 'Validation failed', details: 'usageData.note: must not contain lone UTF-16 surrogates' },
    });
    const record = { player_uuid: PLAYER, player_name: 'P', command: 'say', arguments: ['ok', '\ud83d'], server: 's' };
    expect(answer(await hubgw(server, 'POST', '/audit/commands', { json: [record] }))).toEqual({
      status: 400,
      body: {
        message: 'Validation failed',
        code: 'validation_error',
        details: { issues: [{ path: '0.arguments.1', message: 'must not contain lone UTF-16 surrogates' }] },
      },
    });
  });

  it('stores a well-formed pair and answers it back unchanged', async () => {
    const userId = await onboard(server);
    const res = await request(server, 'PUT', `/api/users/${userId}`, { json: { settings: { emoji: '\ud83d\ude00' } } });
    expect(res.status).toBe(200);
    expect(res.body.user.settings).toEqual({ emoji: '😀' });
  });
});
