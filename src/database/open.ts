// Opens the database chosen by the configuration and brings its schema up to date.
import { mkdir } from 'node:fs/promises';
import { MikroORM } from '@mikro-orm/sql';
import type { Database } from '../config.ts';
import type { Logger } from '../logger.ts';
import { ormOptionsFor, type Persistence } from './orm-options.ts';

export type Orm = MikroORM;

export async function openDatabase(database: Database, persistence: Persistence, log: Logger): Promise<Orm> {
  if (database.kind === 'pglite' && database.dataDir !== null) {
    await mkdir(database.dataDir, { recursive: true });
  }
  // The ORM's own lines (two per migration) are detail; the start reports what they add up to.
  const orm = await MikroORM.init({
    ...ormOptionsFor(database, persistence),
    colors: false,
    logger: (message) => log.debug({ orm: message }, 'database'),
  });
  try {
    const applied = await orm.migrator.up();
    log.info(`applied ${applied.length} migration${applied.length === 1 ? '' : 's'}`);
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}
