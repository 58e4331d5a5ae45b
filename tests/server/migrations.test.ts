// The committed migrations build exactly the schema the entities describe, on PGlite and on PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Orm } from '#src/database/open.ts';
import { createLogger } from '#src/logger.ts';
import { persistence } from '../../persistence.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let orm: Orm;
beforeAll(async () => {
  database = await createTestDatabase();
  const url = database.url;
  orm = await openDatabase(
    url === 'memory://' ? { kind: 'pglite', dataDir: null, wasmCompiler: 'auto' } : { kind: 'postgresql', url },
    persistence,
    createLogger('silent'),
  );
});
afterAll(async () => {
  await closeDatabase(orm);
  await database.drop();
});

it('leaves no difference between the migrated schema and the entities', async () => {
  expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
});

it('has no migration left to apply after start', async () => {
  expect(await orm.migrator.getPending()).toEqual([]);
});
