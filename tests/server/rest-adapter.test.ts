// The REST adapter's mechanics over real HTTP: success statuses, input merging, both error formats, limits.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixtureRouter } from '../support/fixture-router.ts';
import { API_KEY, hubgw, request, useTestServer } from '../support/server.ts';

const server = useTestServer({ router: fixtureRouter });

describe('success statuses', () => {
  it('answers 201 with the body when the procedure says so', async () => {
    const res = await hubgw(server, 'POST', '/things/', { json: { name: 'a' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'a' });
  });

  it('answers 202 and takes a JSON array body as the input itself', async () => {
    const res = await hubgw(server, 'POST', '/jobs', { json: [{ id: 1 }, { id: 2 }, { id: 3 }] });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 3 });
  });

  it('answers 204 with no body to a DELETE whose input is its JSON body', async () => {
    const res = await hubgw(server, 'DELETE', '/things/', { json: { name: 'known' } });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers.get('content-type')).toBeNull();
  });

  it('reads the DELETE body: another name is not found', async () => {
    const res = await hubgw(server, 'DELETE', '/things', { json: { name: 'other' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "Thing 'other' not found", code: 'not_found', details: { name: 'other' } });
  });

  it('answers 400 to a DELETE without its body', async () => {
    const res = await hubgw(server, 'DELETE', '/things/');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_error');
  });
});

describe('input', () => {
  it('merges query, body and path, with the path winning over the body and the body over the query', async () => {
    const res = await hubgw(server, 'PATCH', '/things/from-path?q=from-query&source=from-query', {
      json: { id: 'from-body', source: 'from-body' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'from-path', source: 'from-body', q: 'from-query' });
  });

  it('accepts a trailing slash or none on every route', async () => {
    expect((await hubgw(server, 'POST', '/things', { json: { name: 'b' } })).status).toBe(201);
    expect((await hubgw(server, 'PATCH', '/things/x/', { json: {} })).status).toBe(200);
  });
});

describe('HubGW error format', () => {
  it('carries the domain code and details', async () => {
    const res = await hubgw(server, 'POST', '/conflict');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      message: "Thing 'x' already exists",
      code: 'already_exists',
      details: { owner_uuid: 'someone' },
    });
  });

  it('answers 401 unauthorized without a key, or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [{}, { 'X-API-Key': 'wrong' }, { 'X-API-Key': `${API_KEY}x` }];
    for (const headers of attempts) {
      const res = await request(server, 'POST', '/api/v1/things', { json: { name: 'a' }, headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'Missing or invalid API key', code: 'unauthorized' });
    }
  });

  it('checks the key before reading the body', async () => {
    const res = await request(server, 'POST', '/api/v1/things', {
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
  });

  it('answers 404 not_found to an unknown route', async () => {
    const res = await hubgw(server, 'GET', '/nothing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'No route for GET /api/v1/nothing', code: 'not_found' });
  });

  it('answers 405 method_not_allowed with Allow to a known route asked with another verb', async () => {
    for (const [method, path, allowed] of [
      ['GET', '/api/v1/things', ['POST', 'DELETE']],
      ['PUT', '/api/v1/jobs', ['POST']],
    ] as const) {
      const res = await hubgw(server, method, path.replace('/api/v1', ''));
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe(allowed.join(', '));
      expect(res.body).toEqual({
        message: `Method ${method} is not allowed for ${path}`,
        code: 'method_not_allowed',
        details: { allowed },
      });
    }
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await hubgw(server, 'POST', '/things', {
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: 'Malformed JSON body', code: 'validation_error' });
  });

  it('answers 400 to a JSON body that is a bare string', async () => {
    const res = await hubgw(server, 'POST', '/things', {
      body: '"name"',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_error');
  });

  it('reads a JSON body with a byte-order mark, one compressed with gzip, and one in UTF-16', async () => {
    const json = JSON.stringify({ name: 'ünï' });
    const bodies: [Record<string, string>, Uint8Array][] = [
      [{}, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])],
      [{ 'content-encoding': 'gzip' }, gzipSync(json)],
      [{ 'content-type': 'application/json; charset=utf-16le' }, Buffer.from(json, 'utf16le')],
    ];
    for (const [headers, body] of bodies) {
      const res = await fetch(`${server.url}/api/v1/things/`, {
        method: 'POST',
        headers: { 'x-api-key': API_KEY, 'content-type': 'application/json', ...headers },
        body,
      });
      expect([res.status, await res.json()]).toEqual([201, { name: 'ünï' }]);
    }
  });

  it('answers 415 to a JSON body in a charset that is not Unicode', async () => {
    const res = await hubgw(server, 'POST', '/things', {
      body: '{"name": "a"}',
      headers: { 'content-type': 'application/json; charset=latin1' },
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ message: 'Unsupported body encoding', code: 'unsupported_media_type' });
  });

  it('answers 413 to a chunked JSON body that passes 1 MB without stating its length', async () => {
    const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024)}",`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(sent === 0 ? new TextEncoder().encode('[') : chunk);
        if (++sent > 20) controller.close();
      },
    });
    const res = await fetch(`${server.url}/api/v1/jobs`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect([res.status, await res.json()]).toEqual([
      413,
      { message: 'Request body exceeds 1mb', code: 'payload_too_large' },
    ]);
  });

  it('answers 413 to a JSON body over 1 MB', async () => {
    const res = await hubgw(server, 'POST', '/things', { json: { name: 'x'.repeat(1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ message: 'Request body exceeds 1mb', code: 'payload_too_large' });
  });

  it('answers 415 to a body that is not JSON', async () => {
    const res = await hubgw(server, 'POST', '/things', {
      body: 'name=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ message: 'Content-Type must be application/json', code: 'unsupported_media_type' });
  });

  it('answers 500 internal_error without leaking the cause', async () => {
    const res = await hubgw(server, 'GET', '/crash');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ message: 'Internal server error', code: 'internal_error' });
  });
});

describe('Aurora error format', () => {
  it('shapes a domain error as {error, details}', async () => {
    const res = await request(server, 'POST', '/api/conflict', { json: { name: 'Sword' } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: "Item 'Sword' already exists", details: 'names are unique' });
  });

  it('describes validation failures in details', async () => {
    const res = await request(server, 'POST', '/api/conflict', { json: { name: 5 } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'Validation failed',
      details: 'name: Invalid input: expected string, received number',
    });
  });

  it('answers 404, 400 and 413 in its own format', async () => {
    expect(await request(server, 'GET', '/api/nothing')).toMatchObject({
      status: 404,
      body: { error: 'No route for GET /api/nothing' },
    });
    expect(
      await request(server, 'POST', '/api/conflict', { body: '{', headers: { 'content-type': 'application/json' } }),
    ).toMatchObject({
      status: 400,
      body: { error: 'Malformed JSON body' },
    });
    const big = await request(server, 'POST', '/api/conflict', { json: { name: 'x'.repeat(1024 * 1024 + 1) } });
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ error: 'Request body exceeds 1mb' });
  });

  it('answers 500 without leaking the cause', async () => {
    const res = await request(server, 'GET', '/api/crash');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'Internal server error' });
  });

  it('is open when no admin token is configured', async () => {
    expect(await request(server, 'GET', '/api/whoami')).toMatchObject({ status: 200, body: { admin: true } });
  });
});

describe('request ids', () => {
  it('echoes a well-formed X-Request-Id and makes one up otherwise', async () => {
    const given = await request(server, 'GET', '/api/whoami', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await request(server, 'GET', '/api/whoami', { headers: { 'X-Request-Id': 'bad id\twith spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
