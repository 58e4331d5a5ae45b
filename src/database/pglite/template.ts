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

/** Whether a first start copied the template, and if not, why: the reason the start's log gives for its initdb. */
export type TemplateCopy = { copied: true } | { copied: false; because: string };

/**
 * Fills the empty folder `dataDir` with a copy of the template. The copy is made beside it and renamed into place,
 * so a start killed mid-copy leaves no half cluster that the next start would take for a whole one. Nothing is
 * copied when there is no template (an install with --ignore-scripts), when `dataDir` is not empty, or when the
 * template cannot be read (made by another user, say); the start then runs initdb.
 */
export async function copyTemplate(dataDir: string, template = templateDir()): Promise<TemplateCopy> {
  if (!holdsCluster(template)) return { copied: false, because: 'no template was made at install time' };
  const copying = `${dataDir}.copying`;
  await rm(copying, { recursive: true, force: true });
  try {
    await cp(template, copying, { recursive: true });
    // Over an empty folder only: rename(2) refuses one that holds anything, and that is left as it is.
    await rename(copying, dataDir);
    return { copied: true };
  } catch (error) {
    await rm(copying, { recursive: true, force: true });
    const { code, message } = error as NodeJS.ErrnoException;
    const because =
      code === 'ENOTEMPTY' || code === 'EEXIST'
        ? `${dataDir} already holds files`
        : `the template made at install time could not be copied (${message})`;
    return { copied: false, because };
  }
}
