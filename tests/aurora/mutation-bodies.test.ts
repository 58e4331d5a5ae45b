// The README's table of what each Aurora mutation answers is the served OpenAPI document's: every mutation is in the
// table, and each row names exactly the top-level fields of its success body (or 204 with none).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { request, useTestServer } from '../support/server.ts';

const MUTATIONS = ['post', 'put', 'patch', 'delete'];

/** `"POST /api/items"` → `"{success, item}"` or `"204"`, read from the README's table under "Mutations answer". */
function readmeTable(): Map<string, string> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('- Mutations answer'));
  const rows = section.slice(0, section.indexOf('\n- ')).split('\n');
  const table = new Map<string, string>();
  for (const row of rows.filter((line) => /^\s*\| `/.test(line))) {
    const [operations, answer] = row
      .split('|')
      .slice(1, 3)
      .map((cell) => cell.trim()) as [string, string];
    const shape = answer.startsWith('204') ? '204' : /^`(\{[^}]*\})`/.exec(answer)![1]!;
    for (const [, operation] of operations.matchAll(/`([A-Z]+ [^`]+)`/g)) table.set(operation!, shape);
  }
  return table;
}

const server = useTestServer();

describe("the README's mutation answers", () => {
  it('are those of /openapi.json, for every Aurora mutation', async () => {
    const { body: document } = await request(server, 'GET', '/openapi.json');
    const schemaOf = (schema: { $ref?: string; properties?: object }) =>
      schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema;
    const documented = new Map<string, string>();
    for (const [path, operations] of Object.entries<Record<string, any>>(document.paths)) {
      if (!path.startsWith('/api/') || path.startsWith('/api/v1/')) continue;
      for (const [method, operation] of Object.entries(operations).filter(([m]) => MUTATIONS.includes(m))) {
        const [status, response] = Object.entries<any>(operation.responses).find(([code]) => code.startsWith('2'))!;
        const schema = response.content?.['application/json']?.schema;
        documented.set(
          `${method.toUpperCase()} ${path}`,
          schema ? `{${Object.keys(schemaOf(schema).properties).join(', ')}}` : status,
        );
      }
    }
    expect(documented.size).toBeGreaterThan(20);
    expect(Object.fromEntries(readmeTable())).toEqual(Object.fromEntries(documented));
  });
});
