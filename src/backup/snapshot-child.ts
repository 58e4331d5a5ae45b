// The process that opens a backup in a PGlite of its own: the check that a backup just written restores, and the
// first step of a restore. Started by `./open-snapshot.ts` with the backup file and the empty folder to open it in;
// it answers how many tables the snapshot holds, after PGlite has shut down cleanly on that folder.
import { openAsBlob } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sendableError } from '../database/pglite/protocol.ts';
import { START_PARAMS } from '../database/pglite/start-params.ts';

export type SnapshotAnswer = { tables: number } | { failed: { message: string } };

const [file, dataDir] = process.argv.slice(2) as [string, string];
const send = (answer: SnapshotAnswer) => process.send!(answer, undefined, {}, () => process.exit(0));
// Its owner gone (killed mid-restore, say), it has nothing to answer to.
process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));

try {
  // The type tells PGlite the tar is gzipped; it reads the snapshot into memory and writes it into `dataDir`.
  const snapshot = await openAsBlob(file, { type: 'application/x-gzip' });
  const database = await PGlite.create({
    dataDir,
    loadDataDir: snapshot,
    startParams: START_PARAMS,
  });
  const { rows } = await database.query<{ tables: number }>(
    `select count(*)::int as tables from pg_catalog.pg_tables
     where schemaname not in ('pg_catalog', 'information_schema')`,
  );
  await database.close();
  send({ tables: rows[0]!.tables });
} catch (error) {
  send({ failed: sendableError(error) });
}
