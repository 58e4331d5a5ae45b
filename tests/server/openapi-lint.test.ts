// The OpenAPI document as the stock linters read it: `redocly lint` and `spectral lint`, each with the repository's
// config (redocly.yaml, .spectral.yaml), exactly as `npm run lint:openapi` runs them. Neither may report an error or
// exit non-zero; the warnings that remain are listed here, each with its reason, so a new one fails the test.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redoclyLint, spectralLint } from '../../scripts/openapi-linters.ts';
import { request, startTestServer } from '../support/server.ts';

let folder: string;
let file: string;
beforeAll(async () => {
  const server = await startTestServer();
  folder = await mkdtemp(join(tmpdir(), 'game-backend-openapi-lint-'));
  file = join(folder, 'openapi.json');
  try {
    await writeFile(file, (await request(server, 'GET', '/openapi.json')).text);
  } finally {
    await server.close();
  }
});
afterAll(() => rm(folder, { recursive: true, force: true }));

function countByRule(rules: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of rules) counts[rule] = (counts[rule] ?? 0) + 1;
  return counts;
}

describe('the OpenAPI document under the stock linters', () => {
  it("has no Redocly error, and only the warnings the APIs' own paths explain", async () => {
    const { exitCode, output } = await redoclyLint(file, 'json');
    const { problems } = JSON.parse(output) as { problems: { ruleId: string; severity: string; message: string }[] };
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message)).toEqual([]);
    expect(exitCode).toBe(0);
    expect(countByRule(problems.map((problem) => problem.ruleId))).toEqual({
      // No licence has been chosen for this project.
      'info-license': 1,
      // The HubGW document's `/luckperms/players/username/{username}` beside `/luckperms/players/{uuid}/permissions`
      // and `/with-permissions`; fixed segments win, so each request has one route.
      'no-ambiguous-paths': 2,
      // The two health routes and the two probes answer 200 or 503 and have no client error to report.
      'operation-4xx-response': 4,
    });
  });

  it("has no Spectral error under the oas ruleset, and only the warnings the APIs' own paths explain", async () => {
    const { exitCode, output } = await spectralLint(file, 'json');
    const results = JSON.parse(output) as { code: string; severity: number; message: string; path: string[] }[];
    const errors = results.filter((result) => result.severity === 0);
    expect(errors.map((result) => `${result.code}: ${result.message} at ${result.path.join('.')}`)).toEqual([]);
    expect(exitCode).toBe(0);
    // No contact has been chosen for this project.
    expect(countByRule(results.map((result) => result.code))).toEqual({ 'info-contact': 1 });
  });
});
