// Makes the embedded database's template (`src/database/pglite/template.ts`): an empty PGlite cluster under dist/,
// which a first start copies instead of running initdb. Runs after every install (`postinstall`), on V8's baseline
// compiler only (the postinstall command in package.json), so that the install itself fits a small box; a template already made is kept.
import { rename, rm } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { holdsCluster, templateDir } from '../src/database/pglite/template.ts';

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
