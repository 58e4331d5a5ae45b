// The OpenAPI document and the reference page: every route, its real success status, its family's errors and security.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '#routers/aurora/procedure.ts';
import { appRouter } from '#routers/index.ts';
import { collectRoutes } from '#rest/routes.ts';
import { fixtureRouter } from '../support/fixture-router.ts';
import { request, startTestServer, type TestServer } from '../support/server.ts';

let app: TestServer;
let fixture: TestServer;
beforeAll(async () => {
  [app, fixture] = await Promise.all([startTestServer(), startTestServer({ router: fixtureRouter })]);
});
afterAll(() => Promise.all([app.close(), fixture.close()]));

const errorRef = (family: string) => ({
  content: {
    'application/json': {
      schema: { $ref: `#/components/schemas/${family === 'hubgw' ? 'HubgwError' : 'AuroraError'}` },
    },
  },
});

describe('GET /openapi.json', () => {
  it('lists every REST route of the application with its status, errors and security', async () => {
    const { status, body: document } = await request(app, 'GET', '/openapi.json');
    expect(status).toBe(200);
    expect(document.openapi).toMatch(/^3\./);
    const routes = collectRoutes(appRouter);
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const operation = document.paths[route.documentPath]?.[route.method];
      expect(operation, `${route.method} ${route.documentPath}`).toBeDefined();
      expect(operation.responses[route.status]).toBeDefined();
      expect(operation.responses['500']).toMatchObject(errorRef(route.family));
      expect(operation.responses['503']).toMatchObject(errorRef(route.family));
      expect(operation.description, `${route.method} ${route.documentPath}`).toEqual(expect.any(String));
      if (route.protect) {
        expect(operation.security).toEqual([{ [route.family === 'hubgw' ? 'ApiKey' : 'AdminToken']: [] }]);
        expect(operation.responses['401']).toMatchObject(errorRef(route.family));
      } else {
        expect(operation.security).toEqual([]);
      }
      if (route.family === 'aurora' && route.protect) {
        expect(operation.responses['429']).toMatchObject(errorRef('aurora'));
        expect(Object.keys(operation.responses['429'].headers)).toEqual([
          'RateLimit',
          'RateLimit-Policy',
          'Retry-After',
        ]);
      } else {
        expect(operation.responses['429']).toBeUndefined();
      }
    }
    expect(Object.keys(document.components.schemas).filter((name) => name.startsWith('error.'))).toEqual([]);
    expect(JSON.stringify(document)).not.toContain(String(Number.MAX_SAFE_INTEGER));
    const usedTags = new Set(
      Object.values(document.paths).flatMap((item: any) =>
        Object.values(item).flatMap((operation: any) => operation.tags ?? []),
      ),
    );
    expect(document.tags.map((tag: { name: string }) => tag.name).sort()).toEqual([...usedTags].sort());
    expect(document.components.securitySchemes.ApiKey).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }),
    );
  });

  it('documents every route of the HubGW document, with its success status', async () => {
    const { body: document } = await request(app, 'GET', '/openapi.json');
    const seedRoutes: [string, string, string][] = [
      ['get', '/api/v1/health/', '200'],
      ['put', '/api/v1/homes/', '200'],
      ['post', '/api/v1/homes/get', '200'],
      ['get', '/api/v1/homes/{player_uuid}', '200'],
      ['post', '/api/v1/kits/claim', '200'],
      ['post', '/api/v1/cooldowns/check', '200'],
      ['post', '/api/v1/cooldowns/', '201'],
      ['post', '/api/v1/warps/', '201'],
      ['patch', '/api/v1/warps/', '200'],
      ['delete', '/api/v1/warps/', '204'],
      ['post', '/api/v1/warps/get', '200'],
      ['post', '/api/v1/warps/list', '200'],
      ['post', '/api/v1/whitelist/add', '201'],
      ['post', '/api/v1/whitelist/remove', '204'],
      ['post', '/api/v1/whitelist/check', '200'],
      ['get', '/api/v1/whitelist/', '200'],
      ['get', '/api/v1/whitelist/count', '200'],
      ['post', '/api/v1/punishments/', '201'],
      ['post', '/api/v1/punishments/revoke', '200'],
      ['post', '/api/v1/punishments/query', '200'],
      ['get', '/api/v1/punishments/ban/{player_uuid}', '200'],
      ['get', '/api/v1/punishments/mute/{player_uuid}', '200'],
      ['post', '/api/v1/audit/commands', '202'],
      ['get', '/api/v1/luckperms/players/{uuid}', '200'],
      ['get', '/api/v1/luckperms/players/username/{username}', '200'],
      ['get', '/api/v1/luckperms/groups/{name}', '200'],
      ['get', '/api/v1/luckperms/players/{uuid}/permissions', '200'],
      ['get', '/api/v1/luckperms/players/{uuid}/with-permissions', '200'],
      ['post', '/api/v1/luckperms/players', '201'],
      ['post', '/api/v1/teleport-history/', '201'],
      ['get', '/api/v1/teleport-history/players/{player_uuid}', '200'],
      ['get', '/api/v1/users/users/{name}/game-id', '200'],
    ];
    for (const [method, path, status] of seedRoutes) {
      const operation = document.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(Object.keys(operation.responses), `${method} ${path}`).toContain(status);
    }
    expect(document.paths['/api/v1/warps/'].patch.responses['403']).toMatchObject(errorRef('hubgw'));
    const deleteWarp = document.paths['/api/v1/warps/'].delete;
    expect(deleteWarp.parameters ?? []).toEqual([]);
    expect(deleteWarp.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['player_uuid', 'name'],
    });
    expect(document.paths['/api/v1/kits/claim'].post.responses['404']).toMatchObject(errorRef('hubgw'));
    expect(
      document.paths['/api/v1/audit/commands'].post.requestBody.content['application/json'].schema.anyOf,
    ).toHaveLength(2);
  });

  it('documents every route of the Aurora document, multipart included', async () => {
    const { body: document } = await request(app, 'GET', '/openapi.json');
    const seedRoutes: [string, string, string][] = [
      ['get', '/api/health', '200'],
      ['get', '/api/items', '200'],
      ['get', '/api/items/{id}', '200'],
      ['post', '/api/items', '201'],
      ['put', '/api/items/{id}', '200'],
      ['delete', '/api/items/{id}', '204'],
      ['post', '/api/items/{id}/icon', '200'],
      ['get', '/api/users', '200'],
      ['get', '/api/users/{id}', '200'],
      ['put', '/api/users/{id}', '200'],
      ['get', '/api/users/{id}/inventory', '200'],
      ['post', '/api/users/{id}/inventory', '201'],
      ['delete', '/api/users/{id}/inventory/{itemId}', '204'],
      ['get', '/api/classes', '200'],
      ['post', '/api/classes', '201'],
      ['put', '/api/classes/{id}', '200'],
      ['delete', '/api/classes/{id}', '204'],
      ['get', '/api/moderation', '200'],
      ['get', '/api/moderation/{caseId}', '200'],
      ['post', '/api/moderation', '201'],
      ['put', '/api/moderation/{caseId}/clear', '200'],
      ['get', '/api/transactions', '200'],
      ['get', '/api/quests', '200'],
      ['post', '/api/quests', '201'],
      ['put', '/api/quests/{id}', '200'],
      ['delete', '/api/quests/{id}', '204'],
      ['get', '/api/settings', '200'],
      ['post', '/api/settings', '200'],
      ['get', '/api/settings/meta', '200'],
      ['post', '/api/actions/reload-commands', '200'],
      ['post', '/api/actions/clear-cache', '200'],
      ['post', '/api/actions/maintenance-mode', '200'],
      ['get', '/api/stats', '200'],
      ['get', '/api/stats/activity', '200'],
    ];
    for (const [method, path, status] of seedRoutes) {
      const operation = document.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(Object.keys(operation.responses), `${method} ${path}`).toContain(status);
    }
    const create = document.paths['/api/items'].post.requestBody.content;
    expect(Object.keys(create).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(create['multipart/form-data'].schema.properties).toEqual({
      data: expect.objectContaining({ type: 'string' }),
      image: expect.objectContaining({ type: 'string', format: 'binary' }),
    });
    const icon = document.paths['/api/items/{id}/icon'].post.requestBody.content;
    expect(Object.keys(icon)).toEqual(['multipart/form-data']);
    expect(document.paths['/api/users'].get.responses['400']).toMatchObject(errorRef('aurora'));
    expect(document.paths['/api/items/{id}/icon'].post.responses['507']).toMatchObject(errorRef('aurora'));
  });

  it('describes what clients send as the server reads it: money as digits, the settings patch, the limit cap', async () => {
    const { body: document } = await request(app, 'GET', '/openapi.json');
    const transfer = document.paths['/api/economy/transfer'].post.requestBody.content['application/json'].schema;
    expect(transfer.properties.amount).toMatchObject({ type: 'string', pattern: '^(0|[1-9]\\d{0,18})$' });
    expect(new RegExp(transfer.properties.amount.pattern).test('1e3')).toBe(false);
    const settings = document.paths['/api/settings'].post.requestBody.content['application/json'].schema;
    expect(settings.additionalProperties).toBe(false);
    expect(settings.required).toBeUndefined();
    expect(settings.properties.economy.properties.daily.properties.amount).toMatchObject({
      type: 'string',
      pattern: expect.any(String),
    });
    const limit = document.paths['/api/items'].get.parameters.find(
      (parameter: { name: string }) => parameter.name === 'limit',
    );
    expect(limit.schema).toEqual({
      type: 'integer',
      minimum: 0,
      default: 100,
      description: 'At most 1000: a larger value is read as 1000',
    });
    const asset = document.paths['/assets/items/{filename}'].get;
    expect(Object.keys(asset.responses)).toEqual(['200', '304', '404']);
    expect(asset.security).toEqual([]);
  });

  it("documents the bot's game actions beside the Aurora document's routes, without taking any of its paths", async () => {
    const { body: document } = await request(app, 'GET', '/openapi.json');
    const gameRoutes: [string, string, string, string[]][] = [
      ['get', '/api/economy/daily/{userId}', '200', ['400', '404']],
      ['post', '/api/economy/daily', '200', ['400', '404']],
      ['post', '/api/economy/transfer', '200', ['400', '404']],
      ['post', '/api/shop/buy', '200', ['400', '404']],
      ['post', '/api/lootdrops', '201', ['400']],
      ['get', '/api/lootdrops/{id}', '200', ['400', '404']],
      ['post', '/api/lootdrops/{id}/claim', '200', ['400', '404', '409']],
      ['get', '/api/users/{userId}/quests', '200', ['400', '404']],
      ['post', '/api/users/{userId}/quests', '201', ['400', '404', '409']],
      ['post', '/api/quests/events', '200', ['400', '404']],
    ];
    for (const [method, path, status, errors] of gameRoutes) {
      const operation = document.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      // A change answers 507 while the disk is full.
      const changes = method === 'post' ? ['413', '415', '507'] : [];
      const expected = [status, '401', ...errors, ...changes, '429', '500', '503'];
      expect(Object.keys(operation.responses).sort(), `${method} ${path}`).toEqual(expected.sort());
      for (const error of errors)
        expect(operation.responses[error], `${method} ${path} ${error}`).toMatchObject(errorRef('aurora'));
    }
  });

  it('documents the homes routes as the HubGW document gives them', async () => {
    const { body: document } = await request(app, 'GET', '/openapi.json');
    const upsert = document.paths['/api/v1/homes/'].put;
    expect(Object.keys(upsert.responses).sort()).toEqual(['200', '400', '401', '409', '413', '415', '500', '503']);
    expect(upsert.requestBody.content['application/json'].schema.properties).toHaveProperty('max_homes');
    const list = document.paths['/api/v1/homes/{player_uuid}'].get;
    expect(list.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'player_uuid', in: 'path', required: true })]),
    );
    expect(document.components.schemas.HubgwError.required).toEqual(['message', 'code']);
  });

  it("states one version, package.json's, as server.status does", async () => {
    const { body: document } = await request(app, 'GET', '/openapi.json');
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(document.info.version).toBe(version);
    const status = await request(app, 'GET', '/trpc/server.status');
    expect(status.body.result.data.version).toBe(version);
  });

  it('marks every UUID a HubGW response carries as `format: uuid`, so generated clients type them alike', async () => {
    const { body: document } = await request(app, 'GET', '/openapi.json');
    const unmarked: string[] = [];
    const marked: string[] = [];
    const seen = new Set<unknown>();
    const visit = (schema: any, where: string): void => {
      if (schema === null || typeof schema !== 'object' || seen.has(schema)) return;
      seen.add(schema);
      if (typeof schema.$ref === 'string') {
        const name = schema.$ref.split('/').pop();
        visit(document.components.schemas[name], name);
        return;
      }
      for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
        const strings = [property, ...(property.anyOf ?? [])].filter((branch) =>
          [branch.type].flat().includes('string'),
        );
        if ((name === 'id' || name === 'uuid' || name.endsWith('_uuid')) && strings.length > 0)
          (strings.every((branch) => branch.format === 'uuid') ? marked : unmarked).push(`${where}.${name}`);
        visit(property, `${where}.${name}`);
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'allOf'])
        for (const child of [schema[key] ?? []].flat()) visit(child, where);
    };
    for (const [path, item] of Object.entries<any>(document.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const operation of Object.values<any>(item))
        for (const response of Object.values<any>(operation.responses))
          visit(response.content?.['application/json']?.schema, path);
    }
    expect(unmarked).toEqual([]);
    expect(marked).toEqual(
      expect.arrayContaining(['Home.player_uuid', 'Punishment.id', 'Punishment.staff_uuid', 'LuckPermsPlayer.uuid']),
    );
  });

  it('gives 201, 202 and 204 routes their own status, and describes an array body', async () => {
    const { body: document } = await request(fixture, 'GET', '/openapi.json');
    const things = document.paths['/api/v1/things/'];
    expect(Object.keys(things.post.responses)).toContain('201');
    expect(things.post.responses['200']).toBeUndefined();
    expect(things.delete.responses['204']).toEqual({ description: 'No content' });
    const accept = document.paths['/api/v1/jobs'].post;
    expect(Object.keys(accept.responses)).toContain('202');
    expect(accept.requestBody.content['application/json'].schema.anyOf).toHaveLength(2);
  });
});

describe('GET /docs', () => {
  it('serves the reference page and the assets it loads', async () => {
    const page = await request(app, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toEqual(['/docs/assets/swagger-ui.css', '/docs/assets/swagger-ui-bundle.js', '/docs/init.js']);
    for (const asset of assets) expect((await request(app, 'GET', asset)).status).toBe(200);
    expect((await request(app, 'GET', '/docs/init.js')).text).toContain('/openapi.json');
  });
});

describe('upload routes', () => {
  it('refuses, at start, a multipart route that declares no upload rule', () => {
    const ruleless = router({
      attach: auroraProcedure
        .meta({ openapi: { method: 'POST', path: '/api/attachments', contentTypes: ['multipart/form-data'] } })
        .input(z.void())
        .output(z.void())
        .mutation(() => undefined),
    });
    expect(() => collectRoutes(ruleless)).toThrow('attach reads multipart/form-data but declares no upload rule');
  });
});
