// Instances started at once on an empty PostgreSQL database (a fresh deployment scaled to several replicas) take
// turns migrating it: every one of them opens, and the schema is migrated once.
import { expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '#src/database/open.ts';
import { createLogger } from '#src/logger.ts';
import { persistence } from '../../persistence.ts';
import { createTestDatabase, onPostgres, queryDatabase } from '../support/database.ts';

const INSTANCES = 4;

it.skipIf(!onPostgres)(
  `${INSTANCES} instances opening one empty database at once all open it`,
  async () => {
    const database = await createTestDatabase();
    try {
      const opened = await Promise.allSettled(
        Array.from({ length: INSTANCES }, () =>
          openDatabase({ kind: 'postgresql', url: database.url }, persistence, createLogger('silent')),
        ),
      );
      for (const result of opened) if (result.status === 'fulfilled') await closeDatabase(result.value);
      expect(opened.map((result) => (result.status === 'fulfilled' ? 'opened' : String(result.reason)))).toEqual(
        Array(INSTANCES).fill('opened'),
      );
      const applied = await queryDatabase<{ name: string; times: number }>(
        database.url,
        'select name, count(*)::int as times from mikro_orm_migrations group by name having count(*) > 1',
      );
      expect(applied).toEqual([]);
    } finally {
      await database.drop();
    }
  },
  60_000,
);
