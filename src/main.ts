// Process entry: validate the configuration, start the server, stop cleanly on SIGTERM/SIGINT.
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';

const SHUTDOWN_LIMIT_MS = 10_000;

function configOrExit() {
  try {
    return loadConfig(process.env, () => randomBytes(24).toString('base64url'));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const config = configOrExit();
const log = createLogger(config.logLevel);
if (config.apiKeyGenerated) {
  log.warn({ apiKey: config.apiKey }, 'SECURITY__API_KEY is not set: generated a key for this run');
}

const server = await startServer(config, log).catch((error: unknown) => {
  log.fatal({ err: error }, 'could not start');
  process.exit(1);
});
log.info({ url: server.url, port: server.port, database: config.database.kind }, 'listening');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  setTimeout(() => {
    log.error('shutdown took too long; exiting');
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  await server.close(SHUTDOWN_LIMIT_MS - 2000);
  log.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
