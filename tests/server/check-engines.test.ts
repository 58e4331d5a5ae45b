// The install's own engine check (scripts/check-engines.ts, run by `postinstall` on the project's Node): it names an
// installed package whose `engines.node` that Node does not satisfy, skips what the lockfile lists but the install
// left out (dev packages under --omit=dev), and finds nothing to say about the project as it is.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { engineMismatches } from '../../scripts/check-engines.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'game-backend-engines-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function install(path: string): void {
  mkdirSync(join(scratch, path), { recursive: true });
  writeFileSync(join(scratch, path, 'package.json'), '{}');
}

describe('the install engine check', () => {
  it('names each installed package the Node does not satisfy, nested ones by their own name', () => {
    install('node_modules/needs-future');
    install('node_modules/fine');
    install('node_modules/outer/node_modules/@scope/inner');
    const packages = {
      '': { engines: { node: '>=99' } },
      'node_modules/needs-future': { version: '1.2.3', engines: { node: '>=99' } },
      'node_modules/fine': { version: '1.0.0', engines: { node: '>=18' } },
      'node_modules/no-engines': { version: '1.0.0' },
      'node_modules/not-installed': { version: '2.0.0', engines: { node: '>=99' } },
      'node_modules/outer/node_modules/@scope/inner': { version: '0.1.0', engines: { node: '^22.0.0' } },
    };
    writeFileSync(join(scratch, 'package-lock.json'), JSON.stringify({ packages }));
    expect(engineMismatches(scratch, '24.21.0')).toEqual([
      'needs-future@1.2.3 needs Node >=99; the project runs on Node 24.21.0',
      '@scope/inner@0.1.0 needs Node ^22.0.0; the project runs on Node 24.21.0',
    ]);
  });

  it("finds nothing against the project's own Node, and names npm's false warnings against Node 20", () => {
    expect(engineMismatches(ROOT, process.versions.node)).toEqual([]);
    expect(engineMismatches(ROOT, '20.20.2')).toContainEqual(
      expect.stringMatching(/^kysely@[^ ]+ needs Node .+; the project runs on Node 20\.20\.2$/),
    );
  });
});
