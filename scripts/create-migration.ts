// Writes a migration for the difference between the entities and the committed migrations:
//   npm run migration:create -- <name>
import { MikroORM } from '@mikro-orm/sql';
import { ormConfigFor } from '../mikro-orm.config.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  console.error('usage: npm run migration:create -- <kebab-case-name>');
  process.exit(2);
}
const orm = await MikroORM.init(ormConfigFor({ kind: 'pglite', dataDir: null }));
try {
  await orm.migrator.up();
  const result = await orm.migrator.create(undefined, false, false, name);
  console.log(result.fileName ? `wrote migrations/${result.fileName}` : 'entities and migrations already agree');
} finally {
  await orm.close();
}
