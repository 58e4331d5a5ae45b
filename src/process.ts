// Runs the server as this process: validate the configuration, start, stop cleanly on SIGTERM/SIGINT.
import { randomBytes } from 'node:crypto';
import { ConfigError, describeDatabase, loadConfig } from './config.ts';
import { DataDirInUseError } from './data-dir-lock.ts';
import type { Application } from './application.ts';
import { createLogger, logFormatFor } from './logger.ts';
import { startQuietReclaim } from './quiet-reclaim.ts';
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

/** Serves `application` until a signal stops the process; exits with 1 when it cannot start or stop cleanly. */
export async function runProcess(application: Application): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel, logFormatFor(process.stdout, process.env.NODE_ENV));

  // Every promise has its own catch; one that escapes is a bug, recorded before the process ends as Node would end it.
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });

  const server = await startServer(config, log, application).catch((error: unknown) => {
    if (error instanceof DataDirInUseError) process.stderr.write(`${error.message}\n`);
    else log.fatal({ err: error }, 'could not start');
    process.exit(1);
  });

  // The process's memory, not one server's: tests that start many servers in one process leave it alone.
  startQuietReclaim();

  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    try {
      await server.close(SHUTDOWN_LIMIT_MS - 2000);
    } catch (error) {
      log.error({ err: error }, 'could not stop cleanly');
      process.exit(1);
    }
    log.info('stopped');
    process.exit(0);
  }

  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  // Announced only once the signal handlers are in place: whoever waits for this line may stop the server at once.
  log.info(
    {
      url: server.url,
      port: server.port,
      docs: `${server.url}/docs`,
      livePage: `${server.url}/`,
      database: describeDatabase(config.database),
      ...(config.apiKeyGenerated ? { generatedApiKey: config.apiKey } : {}),
    },
    'listening',
  );
}
