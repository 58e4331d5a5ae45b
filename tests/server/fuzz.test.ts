// Property-based fuzzing of every REST route, from its own OpenAPI description: valid inputs, the same inputs bent
// (a field of the wrong type or at an edge, a field dropped, a field added), and hostile values in every slot.
// Each answer must be a status the route documents and never a 5xx, no error body may leak internals, and the
// database's invariants must hold afterwards.
import fc from 'fast-check';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '#rest/openapi.ts';
import { collectRoutes } from '#rest/routes.ts';
import { appRouter } from '#routers/index.ts';
import { restOptions } from '../../application.ts';
import {
  arbitraryOf,
  bentObject,
  hostileValue,
  type Components,
  type JsonSchema,
} from '../support/schema-arbitrary.ts';
import { API_KEY, request, useTestServer } from '../support/server.ts';

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 25);

interface Parameter {
  in: 'path' | 'query';
  name: string;
  schema: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}

const { formats, document: text } = restOptions;
const document = buildOpenApiDocument(appRouter, collectRoutes(appRouter), formats, text) as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Components };
};
const components = document.components.schemas;
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    name: `${method.toUpperCase()} ${path}`,
    method,
    path,
    operation,
  })),
);

/** What no error body may show: stack frames, SQL, driver messages or file paths. */
const LEAK =
  /\n\s+at |\bselect\b.+\bfrom\b|\binsert into\b|\bupdate\b.+\bset\b|violates|syntax error|relation "|node_modules|\/work\//i;

// URLs stay under Node's 16 KB header limit, past which Node itself answers 431 before any route runs.
const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).slice(0, 2000);
const slotValue = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostileValue, weight: 1 });

/** A value that can stand as one path segment: `.` and `..` are resolved away by every URL client before sending. */
function isPathSegment(text: string): boolean {
  return text.length > 0 && text !== '.' && text !== '..';
}

function requestArbitrary(path: string, operation: Operation) {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((parameter) => parameter.in === 'path');
  const queryParams = parameters.filter((parameter) => parameter.in === 'query');
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const valid = bodySchema ? arbitraryOf(bodySchema, components) : fc.constant(undefined);
  return fc.record({
    path: fc
      .tuple(
        ...pathParams.map((parameter) =>
          slotValue(arbitraryOf(parameter.schema, components)).map(asText).filter(isPathSegment),
        ),
      )
      .map((values) =>
        pathParams.reduce(
          (built, parameter, index) => built.replace(`{${parameter.name}}`, encodeURIComponent(values[index]!)),
          path,
        ),
      ),
    query: fc.record(
      Object.fromEntries(
        queryParams.map((parameter) => [
          parameter.name,
          slotValue(arbitraryOf(parameter.schema, components)).map(asText),
        ]),
      ),
      {
        requiredKeys: [],
      },
    ),
    body: bodySchema
      ? fc.oneof(
          { arbitrary: valid, weight: 2 },
          { arbitrary: bentObject(valid), weight: 3 },
          { arbitrary: hostileValue, weight: 1 },
        )
      : fc.constant(undefined),
  });
}

const server = useTestServer();

describe.each(operations)('$name', ({ method, path, operation }) => {
  it('answers every generated request with a documented status below 500 and no internals', async () => {
    const documented = new Set(Object.keys(operation.responses).map(Number));
    await fc.assert(
      fc.asyncProperty(requestArbitrary(path, operation), async (generated) => {
        const query = new URLSearchParams(generated.query as Record<string, string>).toString();
        const headers = path.startsWith('/api/v1') ? { 'X-API-Key': API_KEY } : undefined;
        const res = await request(server, method.toUpperCase(), `${generated.path}${query ? `?${query}` : ''}`, {
          headers,
          ...(generated.body === undefined ? {} : { json: generated.body }),
        });
        expect(res.status, res.text).toBeLessThan(500);
        expect(documented, `${res.status} ${res.text}`).toContain(res.status);
        if (res.status >= 400) expect(res.text).not.toMatch(LEAK);
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  });
});

describe('after the fuzzing', () => {
  it('the database still holds its invariants and the server still answers', async () => {
    expect((await request(server, 'GET', '/api/health')).status).toBe(200);
    expect(await server.sql('select 1 from aurora.inventory where quantity <= 0')).toEqual([]);
    expect(await server.sql('select 1 from aurora.users where balance < 0 or xp < 0')).toEqual([]);
    const [transfers] = await server.sql<{ total: string | null }>(
      `select sum(amount)::text as total from aurora.transactions where type in ('TRANSFER_IN', 'TRANSFER_OUT')`,
    );
    expect(BigInt(transfers?.total ?? 0)).toBe(0n);
    expect(
      await server.sql(
        'select 1 from aurora.user_quests uq join aurora.quests q on q.id = uq.quest_id where uq.progress > q.target and uq.completed_at is null',
      ),
    ).toEqual([]);
    const files = await readdir(join(server.dataDir, 'items')).catch(() => []);
    const images = await server.sql<{ id: number }>('select id from aurora.items where image_url is not null');
    expect(files.filter((file) => !images.some((item) => file.startsWith(`${item.id}.`)))).toEqual([]);
  });
});
