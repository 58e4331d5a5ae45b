// `npm run backup -- <file>`: writes a checked backup of the embedded database in DATA_DIR to <file>, asking the
// running server for it when one owns DATA_DIR (src/backup/back-up.ts). Reads the same environment as `npm start`.
import { loadConfig } from '#src/config.ts';
import { backUpDataDir } from '#src/backup/back-up.ts';
import { createLogger, logFormatFor } from '#src/logger.ts';

const [target] = process.argv.slice(2);
if (target === undefined) {
  process.stderr.write('usage: npm run backup -- <file>\n');
  process.exit(2);
}
try {
  const config = loadConfig(process.env, () => '');
  const log = createLogger(config.logLevel, logFormatFor(process.stdout, process.env.NODE_ENV));
  const taken = await backUpDataDir(config.dataDir, config.database, target, log);
  log.info(taken, `backup written by ${taken.by}`);
} catch (error) {
  process.stderr.write(`backup failed: ${(error as Error).message}\n`);
  process.exit(1);
}
