// Work known to hold the embedded database far longer than a request's statement (a vacuum of a large table, which
// retention runs on PGlite) has a hang limit of its own: under the statement limit the watchdog would take PGlite's
// process for stuck and replace it, and a large table's vacuum would then be cut in every round that tried it. The
// health ping meanwhile must not wait behind it either, or its own limit would do the same. A pg_sleep stands for
// the long vacuum, on a real PGlite process on disk.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemotePglite } from '#src/database/pglite/remote.ts';
import { onPostgres } from '../support/database.ts';
import { useWorkDir } from '../support/work-dir.ts';

/** The statement limit the watchdog holds a request's statement to here; the long statement takes four times it. */
const STATEMENT_LIMIT_MS = 500;
const LONG_STATEMENT = `select pg_sleep(${(4 * STATEMENT_LIMIT_MS) / 1000})`;

describe.skipIf(onPostgres)('a long statement on the embedded database', () => {
  const lines: { msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const work = useWorkDir('long-statement');
  let pglite: RemotePglite;

  beforeAll(async () => {
    pglite = await RemotePglite.open({ dataDir: join(work.path, 'pglite'), log, wasmCompiler: 'baseline' });
    pglite.watchForHangs(STATEMENT_LIMIT_MS);
  }, 120_000);

  afterAll(async () => {
    await pglite?.close();
  });

  it('runs past the statement limit without the process being replaced, with the health ping answered meanwhile', async () => {
    const long = pglite.runLong(LONG_STATEMENT, 60_000);
    // Sent while the long statement holds PGlite (a quarter of the way through it): a statement waits its turn, and
    // the ping answers at once.
    await sleep(STATEMENT_LIMIT_MS);
    const queued = pglite.query('select 1 as one');
    await expect(pglite.ping(STATEMENT_LIMIT_MS)).resolves.toBeUndefined();
    await expect(long).resolves.toBeUndefined();
    await expect(queued).resolves.toMatchObject({ rows: [{ one: 1 }] });
    expect(lines.map((line) => line.msg)).toEqual([expect.stringMatching(/^made the database/)]);
  });

  it('is still cut at its own limit, and the process replaced', async () => {
    await expect(pglite.runLong(LONG_STATEMENT, STATEMENT_LIMIT_MS)).rejects.toMatchObject({ code: '08006' });
    expect(lines.map((line) => line.msg)).toContainEqual(
      `the embedded database stopped answering (a long statement ran past ${STATEMENT_LIMIT_MS} ms); restarting it`,
    );
    await expect.poll(() => pglite.ready, { timeout: 60_000 }).toBe(true);
    await expect(pglite.query('select 1 as one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });
});
