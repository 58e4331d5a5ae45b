// Makes the embedded database's template (`src/database/pglite/template.ts`): an empty PGlite cluster under dist/,
// which a first start copies instead of running initdb. Runs after every install (`postinstall`), on V8's baseline
// compiler only (the postinstall command in package.json), so that the install itself fits a small box; a template already made is kept.
import { chmod, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { holdsCluster, templateDir } from '../src/database/pglite/template.ts';

/**
 * Makes every file of `dir` readable and every folder enterable by any user: PGlite writes some files owner-only
 * (`pg_logical/replorigin_checkpoint`, 0600), and a server running as another user than the installer (the
 * container's) could then not copy the template, and would run initdb at every first start.
 */
async function readableByAll(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry);
    const { mode } = await stat(path);
    await chmod(path, mode | 0o444 | (mode & 0o111 ? 0o111 : 0));
  }
  await chmod(dir, 0o755);
}

const template = templateDir();
if (!holdsCluster(template)) {
  // Made beside and renamed into place: an install killed midway leaves no half template for a start to copy.
  const making = `${template}.making-${process.pid}`;
  await rm(making, { recursive: true, force: true });
  const database = await PGlite.create({ dataDir: making });
  await database.close();
  await rm(template, { recursive: true, force: true });
  await rename(making, template);
}
// After every install, so that a template an older install made is mended too.
await readableByAll(template);
