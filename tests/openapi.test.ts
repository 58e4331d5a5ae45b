// The OpenAPI document and the reference page: every route, its real success status, its family's errors and security.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '#routers/index.ts';
import { collectRoutes } from '#rest/routes.ts';
import { fixtureRouter } from './support/fixture-router.ts';
import { request, startTestServer, type TestServer } from './support/server.ts';

let app: TestServer;
let fixture: TestServer;
beforeAll(async () => {
  [app, fixture] = await Promise.all([startTestServer(), startTestServer({ router: fixtureRouter })]);
});
afterAll(() => Promise.all([app.close(), fixture.close()]));

const errorRef = (family: string) => ({
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${family === 'hubgw' ? 'HubgwError' : 'AuroraError'}` } } },
});

describe('GET /openapi.json', () => {
  it('lists every REST route of the application with its status, errors and security', async () => {
    const { status, body: document } = await request(app, 'GET', '/openapi.json');
    expect(status).toBe(200);
    expect(document.openapi).toMatch(/^3\./);
    const routes = collectRoutes(appRouter);
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const operation = document.paths[route.path]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation.responses[route.status]).toBeDefined();
      expect(operation.responses['500']).toMatchObject(errorRef(route.family));
      if (route.protect) {
        expect(operation.security).toEqual([{ [route.family === 'hubgw' ? 'ApiKey' : 'AdminToken']: [] }]);
        expect(operation.responses['401']).toMatchObject(errorRef(route.family));
      } else {
        expect(operation.security).toBeUndefined();
      }
    }
    expect(document.components.securitySchemes.ApiKey).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }));
  });

  it('documents the homes routes as the HubGW document gives them', async () => {
    const { body: document } = await request(app, 'GET', '/openapi.json');
    const upsert = document.paths['/api/v1/homes'].put;
    expect(Object.keys(upsert.responses).sort()).toEqual(['200', '400', '401', '409', '413', '415', '500']);
    expect(upsert.requestBody.content['application/json'].schema.properties).toHaveProperty('max_homes');
    const list = document.paths['/api/v1/homes/{player_uuid}'].get;
    expect(list.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'player_uuid', in: 'path', required: true })]));
    expect(document.components.schemas.HubgwError.required).toEqual(['message', 'code']);
  });

  it('gives 201, 202 and 204 routes their own status, and describes an array body', async () => {
    const { body: document } = await request(fixture, 'GET', '/openapi.json');
    expect(Object.keys(document.paths['/api/v1/things'].post.responses)).toContain('201');
    expect(document.paths['/api/v1/things'].post.responses['200']).toBeUndefined();
    expect(document.paths['/api/v1/things'].delete.responses['204']).toEqual({ description: 'No content' });
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
