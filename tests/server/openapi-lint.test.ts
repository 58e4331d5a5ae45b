// The OpenAPI document as two linters read it: Redocly's recommended rules and Spectral's `oas` ruleset. Neither may
// report an error; the warnings that remain are listed here, each with its reason, so a new one fails the test.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let source: string;
beforeAll(async () => {
  server = await startTestServer();
  source = (await request(server, 'GET', '/openapi.json')).text;
});
afterAll(() => server.close());

function countByRule(rules: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of rules) counts[rule] = (counts[rule] ?? 0) + 1;
  return counts;
}

describe('the OpenAPI document under lint', () => {
  it("has no Redocly error, and only the warnings the APIs' own paths explain", async () => {
    const config = await createConfig({
      extends: ['recommended'],
      // The HubGW document writes `/homes/`, `/warps/`, … and the document keeps its paths; both forms are served.
      rules: { 'no-path-trailing-slash': 'off' },
    });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message)).toEqual([]);
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
    const spectral = new spectralCore.Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'recommended']] });
    const results = await spectral.run(new spectralCore.Document(source, spectralParsers.Json));
    const errors = results.filter((result) => result.severity === 0);
    expect(errors.map((result) => `${result.code}: ${result.message} at ${result.path.join('.')}`)).toEqual([]);
    expect(countByRule(results.map((result) => String(result.code)))).toEqual({
      // No contact has been chosen for this project.
      'info-contact': 1,
      // The HubGW document's own paths, kept as it writes them: /health/, /homes/, /kits/, /cooldowns/, /warps/,
      // /whitelist/, /punishments/ and /teleport-history/.
      'path-keys-no-trailing-slash': 8,
    });
  });
});
