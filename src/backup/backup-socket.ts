// How `npm run backup` asks the running server for a backup: the server owns DATA_DIR and holds PGlite, so only it
// can take a snapshot without stopping. It listens on a Unix socket inside DATA_DIR, readable by its owner only, so
// the file system's permissions guard it and nothing listens on the network. One JSON line asks, one answers.
import { chmod, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Logger } from '../logger.ts';
import type { BackupWritten } from './write-backup.ts';

const SOCKET_FILE = 'backup.sock';

type Ask = { backup: string };
type Answer = { written: BackupWritten } | { error: string };

export function backupSocketPath(dataDir: string): string {
  return join(dataDir, SOCKET_FILE);
}

export interface BackupSocket {
  close(): Promise<void>;
}

/** Reads one line from `socket`; null when it ends without one. */
function firstLine(socket: Socket): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end));
    });
    socket.once('end', () => resolve(null));
    socket.once('error', reject);
  });
}

/**
 * Serves backups on the socket in `dataDir`. The caller owns DATA_DIR's lock, so a socket file already there was
 * left by an owner that was killed, and is replaced.
 */
export async function serveBackups(
  dataDir: string,
  backUp: (target: string) => Promise<BackupWritten>,
  log: Logger,
): Promise<BackupSocket> {
  const path = backupSocketPath(dataDir);
  await rm(path, { force: true });
  const server: Server = createServer((socket) => {
    firstLine(socket)
      .then(async (line) => {
        if (line === null) return;
        const { backup: target } = JSON.parse(line) as Ask;
        log.info({ file: target }, 'backup asked for');
        const written = await backUp(target);
        log.info(written, 'backup written');
        return { written } satisfies Answer;
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'backup failed');
        return { error: error instanceof Error ? error.message : String(error) } satisfies Answer;
      })
      .then((answer) => socket.end(answer === undefined ? '' : `${JSON.stringify(answer)}\n`))
      .catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  await chmod(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rm(path, { force: true }).catch(() => {});
      }),
  };
}

/**
 * Asks the server that owns `dataDir` for a backup to `target`; null when no server listens there (none runs, or
 * one that cannot be reached this way), so the caller can take the backup itself once it holds the lock.
 */
export function askServerForBackup(dataDir: string, target: string): Promise<BackupWritten | null> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(backupSocketPath(dataDir));
    const unreachable = (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    };
    socket.once('error', unreachable);
    socket.once('connect', () => {
      socket.off('error', unreachable);
      socket.write(`${JSON.stringify({ backup: target } satisfies Ask)}\n`);
      firstLine(socket).then((line) => {
        if (line === null) return reject(new Error('the server closed the backup socket without an answer'));
        const answer = JSON.parse(line) as Answer;
        if ('error' in answer) reject(new Error(`the server could not write the backup: ${answer.error}`));
        else resolve(answer.written);
      }, reject);
    });
  });
}
