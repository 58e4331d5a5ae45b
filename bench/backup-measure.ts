// `node bench/backup-measure.ts`: what a backup of the bench's data set costs on PGlite on disk (issue 29). Seeds a
// fresh DATA_DIR with the rows `npm run bench` gives PostgreSQL (bench/scenarios.ts), starts the server on it, keeps
// four clients reading a home, and runs `npm run backup` meanwhile: the backup's time and size, how long reads
// stalled, and the resident memory of PGlite's process through the dump.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { API_KEY, FIXED_SEED_SQL, PLAYERS, playerUuid, seedSql, USERS } from './scenarios.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const BACKUP = fileURLToPath(new URL('../scripts/backup.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bench-backup-'));
const dataDir = join(work, 'data');
const env = {
  PATH: process.env.PATH ?? '',
  DATA_DIR: dataDir,
  SECURITY__API_KEY: API_KEY,
  RATE_LIMIT__MAX: '100000000',
};

function startServer(): Promise<{ stop: () => Promise<void>; url: string; pid: number }> {
  const child = spawn(process.execPath, [MAIN], { env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n').find((entry) => entry.includes('"msg":"listening"'));
      if (line && text !== '')
        resolve({
          url: (JSON.parse(line) as { url: string }).url,
          pid: child.pid!,
          stop: () => new Promise((done) => child.once('exit', () => done()).kill('SIGTERM')),
        });
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

function pgliteChild(serverPid: number): number {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(serverPid)], { encoding: 'utf8' });
  return Number(
    listing
      .split('\n')
      .find((line) => line.includes('pglite/child.ts'))!
      .trim()
      .split(/\s+/)[0],
  );
}

// The schema comes from a first start; the rows are written straight into PGlite while no server runs.
await (await startServer()).stop();
const seeding = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
for (const statement of [...FIXED_SEED_SQL, ...seedSql(0, PLAYERS, 0, USERS), 'analyze']) await seeding.exec(statement);
await seeding.close();
const folderMb = Number(execFileSync('du', ['-sm', join(dataDir, 'pglite')], { encoding: 'utf8' }).split('\t')[0]);

const server = await startServer();
const child = pgliteChild(server.pid);
let reading = true;
const latencies: { at: number; ms: number }[] = [];
const readers = Array.from({ length: 4 }, async (_, r) => {
  for (let i = r; reading; i += 4) {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/v1/homes/${playerUuid(i % PLAYERS)}`, {
      headers: { 'x-api-key': API_KEY },
    });
    await res.arrayBuffer();
    latencies.push({ at: started, ms: performance.now() - started });
  }
});
await new Promise((resolve) => setTimeout(resolve, 3000));
const rssBefore = rssMb(child);
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(child))), 20);
const backupStarted = performance.now();
// Asynchronously: the readers in this process keep sending while the backup runs.
const { stdout: output } = await promisify(execFile)(process.execPath, [BACKUP, join(work, 'bench.tar.gz')], { env });
const backupEnded = performance.now();
clearInterval(sampler);
await new Promise((resolve) => setTimeout(resolve, 1000));
reading = false;
await Promise.all(readers);
await server.stop();
rmSync(work, { recursive: true, force: true });

const written = JSON.parse(output.trim().split('\n').at(-1)!) as { bytes: number; dumpMs: number; totalMs: number };
const before = latencies.filter((entry) => entry.at < backupStarted).map((entry) => entry.ms);
const during = latencies
  .filter((entry) => entry.at >= backupStarted && entry.at < backupEnded)
  .map((entry) => entry.ms);
const p = (values: number[], q: number) =>
  values.sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!.toFixed(1);
console.log(
  JSON.stringify(
    {
      dataSet: `${PLAYERS} players (homes, cooldowns, punishments), ${USERS} users, 2000 warps, 1000 items`,
      pgliteFolderMb: folderMb,
      backupMb: +(written.bytes / 1024 ** 2).toFixed(1),
      snapshotMs: written.dumpMs,
      backupWithCheckMs: written.totalMs,
      scriptWallMs: Math.round(backupEnded - backupStarted),
      readsBefore: { p50: p(before, 0.5), p99: p(before, 0.99), max: p(before, 1) },
      readsDuringBackup: { count: during.length, p50: p(during, 0.5), p99: p(during, 0.99), max: p(during, 1) },
      pgliteRssMb: { before: rssBefore, peakDuringBackup: rssPeak },
    },
    null,
    2,
  ),
);
