// The install's engine check, against the Node that runs the project. npm checks each dependency's `engines` against
// the Node npm itself runs on, and has no setting to check against another (npm 11 reads `process.version`). On a
// machine with Node 20 that prints a false `EBADENGINE` warning for every dependency that needs Node 22, although
// they all run on the project's own Node 24. So `.npmrc` keeps npm's warnings off the first screen, and this script,
// run by `postinstall` on the project's Node, makes the same check against the right Node and says when one fails.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

interface LockedPackage {
  version?: string;
  engines?: { node?: string };
}

/** One line per installed package of the lockfile whose `engines.node` the given Node version does not satisfy. */
export function engineMismatches(root: string, nodeVersion: string): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };
  const mismatches: string[] = [];
  for (const [path, locked] of Object.entries(lock.packages)) {
    const range = locked.engines?.node;
    if (path === '' || range === undefined || !existsSync(join(root, path, 'package.json'))) continue;
    if (!semver.satisfies(nodeVersion, range, { includePrerelease: true })) {
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      mismatches.push(`${name}@${locked.version} needs Node ${range}; the project runs on Node ${nodeVersion}`);
    }
  }
  return mismatches;
}

if (import.meta.main) {
  for (const line of engineMismatches(process.cwd(), process.versions.node)) {
    process.stderr.write(`warning: ${line}\n`);
  }
}
