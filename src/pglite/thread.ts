// The thread PGlite runs on, so that no state of the database (a statement that never returns) can stop the
// server's own thread from answering. It runs statements one at a time, as they arrive.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { createPostgreSqlTypeParsers } from '@mikro-orm/sql';
import array from 'postgres-array';
import { type FromThread, sendableError, type ThreadOptions, type ToThread } from './protocol.ts';

const port = parentPort!;
const { dataDir } = workerData as ThreadOptions;
const send = (message: FromThread) => port.postMessage(message);

try {
  // The parsers MikroORM gives the PGlite it creates itself: values come back as its PostgreSQL driver reads them.
  const database = await PGlite.create({
    dataDir: dataDir ?? 'memory://',
    parsers: createPostgreSqlTypeParsers((text) => array.parse(text)),
  });
  port.on('message', async (message: ToThread) => {
    if ('close' in message) {
      await database.close().catch(() => {});
      send({ id: message.id, rows: [], affectedRows: undefined });
      return;
    }
    try {
      const { rows, affectedRows } = await database.query(message.sql, message.params, { rowMode: 'object' });
      send({ id: message.id, rows, affectedRows });
    } catch (error) {
      send({ id: message.id, error: sendableError(error) });
    }
  });
  send({ ready: true });
} catch (error) {
  send({ failed: sendableError(error) });
}
