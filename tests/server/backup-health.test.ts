// Health during a backup of the embedded database (issue 29): a dump holds PGlite far longer than a statement may
// run, yet a health check meanwhile answers 200 at once, and the hang watchdog, which replaces a PGlite that does not
// answer within the statement limit, leaves the dump alone, so the backup succeeds.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { runBackupScript, startOnDisk, stopServer } from '../support/backup.ts';
import { onPostgres } from '../support/database.ts';
import { useWorkDir } from '../support/work-dir.ts';

/** The statement limit the server runs with: a statement (a health check's `select 1`) takes a few ms. */
const STATEMENT_TIMEOUT_MS = 1000;
/**
 * Incompressible bytes, so that the dump's gzip has them all to read and write: here the dump of 64 MB took 4.4 s
 * (3.3 s for 48 MB, 13 s for 160 MB), against a statement limit of one second.
 */
const FILLER_MB = 64;

describe.skipIf(onPostgres)('health during a backup of the embedded database', () => {
  const work = useWorkDir('backup-health');

  it('answers 200 throughout a dump longer than the statement limit, and the backup succeeds', async () => {
    const dataDir = join(work.path, 'data');
    // The schema comes from a first start; the filler is written straight into PGlite while no server runs.
    const first = startOnDisk(dataDir);
    await first.url;
    await stopServer(first.server);
    const filling = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
    await filling.exec(
      'create table filler (bytes bytea not null); alter table filler alter bytes set storage external',
    );
    for (let mb = 0; mb < FILLER_MB; mb++)
      await filling.query('insert into filler values ($1)', [randomBytes(1024 ** 2)]);
    await filling.close();

    const { server, url: listening } = startOnDisk(dataDir, {
      DATABASE__STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    });
    const url = await listening;
    let polling = true;
    const answers: number[] = [];
    const health = (async () => {
      while (polling) {
        for (const path of ['/readyz', '/api/health']) {
          const res = await fetch(`${url}${path}`);
          await res.arrayBuffer();
          answers.push(res.status);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const backup = await runBackupScript('backup', dataDir, join(work.path, 'large.tar.gz')).done;
    polling = false;
    await health;

    expect(backup, backup.stderr).toMatchObject({ code: 0, signal: null });
    const written = JSON.parse(backup.stdout.trim().split('\n').at(-1)!) as { dumpMs: number };
    // A dump within the limit would have tested nothing: health checks would have found PGlite free.
    expect(written.dumpMs, 'the dump was too quick to outlast the statement limit').toBeGreaterThan(
      2 * STATEMENT_TIMEOUT_MS,
    );
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    expect(server.logs.filter((line) => String(line.msg).includes('stopped answering'))).toEqual([]);
    await stopServer(server);
  }, 180_000);
});
