// The ORM configuration: embedded PGlite (on disk or in memory) or PostgreSQL, one migration set for both.
import { defineConfig as definePgliteConfig } from '@mikro-orm/pglite';
import { defineConfig as definePostgresConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Options } from '@mikro-orm/sql';
import { entities } from './entities/index.ts';
import type { Database } from './src/config.ts';

const shared = {
  entities,
  extensions: [Migrator],
  allowGlobalContext: false,
  forceUtcTimezone: true,
  migrations: {
    path: new URL('./migrations', import.meta.url).pathname,
    glob: '!(*.d).ts',
    emit: 'ts' as const,
    snapshot: false,
    transactional: true,
    allOrNothing: true,
  },
};

/**
 * Typed as the SQL driver both share, so the rest of the code sees one EntityManager type. `pglite` is the embedded
 * database the server runs in a process of its own; without it (the MikroORM CLI) PGlite runs in this process.
 */
export function ormConfigFor(database: Database, pglite?: unknown): Options {
  if (database.kind === 'postgresql') {
    // A connection that cannot be made in 3 s, or a statement held longer than the timeout (by a row lock, or a
    // frozen server), fails the request with 503 rather than leaving it hanging.
    const driverOptions = { connectionTimeoutMillis: 3000, statement_timeout: database.statementTimeoutMs ?? 0 };
    return definePostgresConfig({
      ...shared,
      clientUrl: database.url,
      pool: { min: 0, max: 10 },
      driverOptions,
    }) as Options;
  }
  // A PGlite dbName is the cluster itself: a folder, or memory.
  return definePgliteConfig({
    ...shared,
    dbName: database.dataDir ?? 'memory://',
    // Given as a function: the configuration copies its options, which would leave a copy without its private state.
    ...(pglite ? { driverOptions: { pglite: () => pglite } } : {}),
  }) as Options;
}

/** For the MikroORM CLI: DATABASE_URL, or an in-memory PGlite. */
export default ormConfigFor(
  process.env.DATABASE_URL?.startsWith('postgres')
    ? { kind: 'postgresql', url: process.env.DATABASE_URL }
    : { kind: 'pglite', dataDir: null },
);
