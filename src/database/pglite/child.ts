// The process PGlite runs in, so that no state of the database (a statement spinning for good inside WebAssembly
// after a WAL segment it could not create) can stop the server from answering: the server kills this process and
// starts another on the same data. It runs statements one at a time, as they arrive. Started by `./remote.ts` with
// the data folder (or `memory://`) as its one argument.
import { statfsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { type FromChild, type SentError, sendableError, type ToChild } from './protocol.ts';
import { START_PARAMS } from './start-params.ts';
import { TYPE_PARSERS } from './type-parsers.ts';

const send = (message: FromChild, then?: () => void) => process.send!(message, undefined, {}, then);
const dataDir = process.argv[2]!;

/** SQLSTATE XX000: PGlite met a state it cannot go on from ("XLogBeginInsert was already called"). */
const INTERNAL_ERROR = 'XX000';
/** PostgreSQL's WAL segment size: less free space than this and a WAL write that failed found no room. */
const WAL_SEGMENT_BYTES = 16 * 1024 * 1024;

/**
 * An internal error on a disk without room for a WAL segment is the WAL write that failed for want of space (PGlite
 * with small shared buffers reports it so, and then every later write): said as PostgreSQL's disk full, 53100.
 */
function diagnosed(error: SentError): SentError {
  if (dataDir === 'memory://') return error;
  const { bavail, bsize } = statfsSync(dataDir);
  if (bavail * bsize >= WAL_SEGMENT_BYTES) return error;
  return { ...error, code: '53100', message: `could not write the write-ahead log: no space left (${error.message})` };
}

/** Ends this process at once, with nothing written after: its owner is gone, or has stopped wanting it. */
const die = () => process.kill(process.pid, 'SIGKILL');

// A server killed outright must not leave this process behind on its data: a restarted server would open a second
// PGlite on the same files. Losing the channel ends it at once, as a kill of the server alone would have; and while
// a statement spins on this thread no event can arrive, so a thread of its own watches for a new parent.
process.on('disconnect', die);
new Worker(
  `const { workerData } = require('node:worker_threads');
   setInterval(() => process.ppid !== workerData && process.kill(process.pid, 'SIGKILL'), 200);`,
  { eval: true, workerData: process.ppid },
).unref();

/**
 * Writes a snapshot of the data folder to the new file `path`, flushed to disk, and answers its size. The server
 * sends nothing else meanwhile (it holds its turn), so no statement of its own runs during the dump. A CHECKPOINT
 * first writes the shared buffers' dirty pages into the table files, so the snapshot is a cluster shut down cleanly
 * that opens without replaying the WAL. PGlite's dump reads the files without taking its query lock: the dump runs
 * under that lock, so that a statement sent out of turn (the health check's ping) waits rather than changing files
 * being read. The dump is PGlite's own tar, which PGlite's `loadDataDir` reads back; it is built in this process's
 * memory, as PGlite builds it (BENCHMARKS.md, #29, measured what that costs).
 */
async function dump(database: PGlite, path: string): Promise<number> {
  await database.exec('CHECKPOINT');
  return database._runExclusiveQuery(async () => {
    const tar = new Uint8Array(await (await database.dumpDataDir('gzip')).arrayBuffer());
    const file = await open(path, 'wx');
    try {
      await file.writeFile(tar);
      await file.sync();
    } finally {
      await file.close();
    }
    return tar.length;
  });
}

try {
  const database = await PGlite.create({ dataDir, startParams: START_PARAMS, parsers: TYPE_PARSERS });
  process.on('message', async (message: ToChild) => {
    if ('close' in message) {
      await database.close().catch(() => {});
      process.off('disconnect', die);
      send({ id: message.id, rows: [], affectedRows: undefined }, () => process.exit(0));
      return;
    }
    if ('dump' in message) {
      await dump(database, message.dump).then(
        (dumpedBytes) => send({ id: message.id, dumpedBytes }),
        (error: unknown) => send({ id: message.id, error: sendableError(error) }),
      );
      return;
    }
    try {
      const { rows, affectedRows } = await database.query(message.sql, message.params, { rowMode: 'object' });
      send({ id: message.id, rows, affectedRows });
    } catch (error) {
      const sent = sendableError(error);
      if (sent.code === INTERNAL_ERROR) send({ id: message.id, error: diagnosed(sent), broken: true });
      else send({ id: message.id, error: sent });
    }
  });
  send({ ready: true });
} catch (error) {
  send({ failed: sendableError(error) }, () => process.exit(1));
}
