// `npm run migrate-to-postgres -- <postgres-url>`: copies the embedded database in $DATA_DIR/pglite (the default,
// with DATABASE_URL unset) into an empty PostgreSQL database, then says how to start the server on it. Item images
// that an older server left on disk are imported into the embedded database first, as a start would import them,
// so that the copy carries every image.
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig } from '#src/config.ts';
import { CopyRefusedError, copyToPostgres } from '#src/database/copy-to-postgres.ts';
import { DataDirInUseError } from '#src/data-dir-lock.ts';
import { createLogger, logFormatFor } from '#src/logger.ts';
import { persistence } from '../persistence.ts';
import { importDiskImages } from '../routers/aurora/items/images/disk-import.ts';

function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const [url, ...extra] = process.argv.slice(2);
if (url === undefined || extra.length > 0 || !/^postgres(ql)?:\/\//.test(url))
  refuse('usage: npm run migrate-to-postgres -- postgres://user@host:5432/database');
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env, () => 'unused');
} catch (error) {
  if (error instanceof ConfigError) refuse(error.message);
  throw error;
}
const source = config.database;
if (source.kind !== 'pglite' || source.dataDir === null)
  refuse('DATABASE_URL is set: the copy reads the embedded database in $DATA_DIR/pglite; unset DATABASE_URL');

const log = createLogger(config.logLevel, logFormatFor(process.stdout, process.env.NODE_ENV));
const started = performance.now();
try {
  const summary = await copyToPostgres({
    dataDir: config.dataDir,
    source,
    target: { kind: 'postgresql', url },
    persistence,
    log,
    prepareSource: (orm) => importDiskImages(orm.em.fork(), config.dataDir, log),
  });
  const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
  log.info(
    {
      tables: summary.tables.length,
      rows,
      sequences: summary.sequences,
      seconds: (performance.now() - started) / 1000,
    },
    'copied the embedded database; every row count and checksum matches. Start the server with DATABASE_URL set to the target',
  );
} catch (error) {
  if (error instanceof DataDirInUseError || error instanceof CopyRefusedError) refuse(error.message);
  log.fatal({ err: error }, 'could not copy the embedded database');
  process.exit(1);
}
