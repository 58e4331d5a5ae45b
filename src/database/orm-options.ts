// The ORM options: embedded PGlite (on disk or in memory) or PostgreSQL, with the entities and the migrations the
// entry point gives, one migration set for both.
import { defineConfig as definePgliteConfig } from '@mikro-orm/pglite';
import { defineConfig as definePostgresConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Options } from '@mikro-orm/sql';
import type { Database, RetentionSettings } from '../config.ts';
import { eventEntities } from '../events/event-tables.ts';
import { RateLimitCount } from '../rate-limit-count.ts';
import { PreparingClient } from './preparing-client.ts';

/** A table that grows with use, and how long its rows are kept. */
export interface GrowingTable {
  /** Schema-qualified: `schema.table`. */
  table: string;
  /** Rows whose `column` (a timestamp, with an index) is more than `days` days old are removed; null keeps all. */
  retention: { column: string; days: number } | null;
}

/**
 * What the server persists: its entities, the folder of the migrations that make their tables, and the tables that
 * grow with use, with how long each keeps its rows under the configured retention.
 */
export interface Persistence {
  entities: NonNullable<Options['entities']>;
  migrationsPath: string;
  growingTables(retention: RetentionSettings): GrowingTable[];
}

/**
 * Typed as the SQL driver both share, so the rest of the code sees one EntityManager type. `pglite` is the embedded
 * database the server runs in a process of its own; without it (a migration being written) PGlite runs in this one.
 */
export function ormOptionsFor(
  database: Database,
  { entities, migrationsPath }: Persistence,
  pglite?: unknown,
): Options {
  const shared = {
    // The platform's own tables join the domain's.
    entities: [...entities, ...eventEntities, RateLimitCount],
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    migrations: {
      path: migrationsPath,
      glob: '!(*.d).ts',
      emit: 'ts' as const,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
  };
  if (database.kind === 'postgresql') {
    // A connection that cannot be made in 3 s, or a statement held longer than the timeout (by a row lock, or a
    // frozen server), fails the request with 503 rather than leaving it hanging. The pool's connections prepare
    // their statements (preparing-client.ts).
    const driverOptions = {
      connectionTimeoutMillis: 3000,
      statement_timeout: database.statementTimeoutMs ?? 0,
      Client: PreparingClient,
    };
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
