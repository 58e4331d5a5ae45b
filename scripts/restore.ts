// `npm run restore -- <file>`: replaces the embedded database in DATA_DIR by the backup <file>, refusing while a
// server owns DATA_DIR (src/backup/restore.ts). The next `npm start` serves exactly the backup's data.
import { loadConfig } from '#src/config.ts';
import { embeddedDataDir, restoreBackup } from '#src/backup/restore.ts';
import { createLogger, logFormatFor } from '#src/logger.ts';

const [file] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: npm run restore -- <file>\n');
  process.exit(2);
}
try {
  const config = loadConfig(process.env, () => '');
  const log = createLogger(config.logLevel, logFormatFor(process.stdout, process.env.NODE_ENV));
  const pgliteDir = embeddedDataDir(config.database);
  const { tables } = await restoreBackup(config.dataDir, pgliteDir, file);
  log.info({ file, into: pgliteDir, tables }, 'backup restored');
} catch (error) {
  process.stderr.write(`restore failed: ${(error as Error).message}\n`);
  process.exit(1);
}
