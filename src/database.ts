// Opens the database chosen by the configuration and brings its schema up to date.
import { mkdir } from 'node:fs/promises';
import { MikroORM } from '@mikro-orm/sql';
import { ormConfigFor } from '../mikro-orm.config.ts';
import type { Database } from './config.ts';
import type { Logger } from './logger.ts';

export type Orm = MikroORM;

export async function openDatabase(database: Database, log: Logger): Promise<Orm> {
  if (database.kind === 'pglite' && database.dataDir !== null) {
    await mkdir(database.dataDir, { recursive: true });
  }
  const orm = await MikroORM.init({ ...ormConfigFor(database), colors: false, logger: (message) => log.info({ orm: message }, 'database') });
  try {
    await orm.migrator.up();
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}

