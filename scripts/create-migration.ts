// Writes a migration for the difference between the entities and the committed migrations:
//   npm run migration:create -- <name>
import { MikroORM } from '@mikro-orm/sql';
import { persistence } from '../persistence.ts';
import { ormOptionsFor } from '../src/database/orm-options.ts';

const name = process.argv[2];
// The committed migrations are named in snake_case (`aurora_economy`); kebab-case is taken as well.
if (!name || !/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
  console.error('usage: npm run migration:create -- <snake_case_name>');
  process.exit(2);
}
const orm = await MikroORM.init(ormOptionsFor({ kind: 'pglite', dataDir: null, wasmCompiler: 'auto' }, persistence));
try {
  await orm.migrator.up();
  const result = await orm.migrator.create(undefined, false, false, name);
  console.log(result.fileName ? `wrote migrations/${result.fileName}` : 'entities and migrations already agree');
} finally {
  await orm.close();
}
