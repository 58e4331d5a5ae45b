// The empty database made once at install time (`scripts/make-pglite-template.ts`), which a first start copies into
// a fresh data folder instead of running initdb: PGlite's initdb runs `postgres --single` in a second instance and
// loads its dump, a transient of about 600 MB that a 1 GB box cannot give. One template per PGlite version, since a
// data folder is only readable by the PGlite that made it.
import { existsSync, readFileSync } from 'node:fs';
import { cp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file PostgreSQL writes last in initdb: a folder that has it holds a whole cluster. */
export const CLUSTER_MARK = 'PG_VERSION';

function pgliteVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const manifest = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Where the template of the installed PGlite lives: under the project's `dist/`, which git ignores. */
export function templateDir(): string {
  return fileURLToPath(new URL(`../../../dist/pglite-template-${pgliteVersion()}`, import.meta.url));
}

export function holdsCluster(dir: string): boolean {
  return existsSync(join(dir, CLUSTER_MARK));
}

/**
 * Fills the empty folder `dataDir` with a copy of the template, and tells whether it did. The copy is made beside it
 * and renamed into place, so a start killed mid-copy leaves no half cluster that the next start would take for a
 * whole one. False when there is no template (an install with --ignore-scripts) or `dataDir` is not empty.
 */
export async function copyTemplate(dataDir: string, template = templateDir()): Promise<boolean> {
  if (!holdsCluster(template)) return false;
  const copying = `${dataDir}.copying`;
  await rm(copying, { recursive: true, force: true });
  try {
    await cp(template, copying, { recursive: true });
    // Over an empty folder only: rename(2) refuses one that holds anything, and that is left as it is.
    await rename(copying, dataDir);
    return true;
  } catch {
    await rm(copying, { recursive: true, force: true });
    return false;
  }
}
