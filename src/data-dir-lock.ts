// DATA_DIR has one owner: a lock file naming the owning process, taken before the database or the images are touched.
// Two processes on one embedded PGlite cluster corrupt it, and each would remove the other's uploads as leftovers.
// Not proper-lockfile (BENCHMARKS.md #28): its lock is an mtime a timer keeps fresh, so a start after a SIGKILL
// waited 10.2 s, and a live owner stopped past 10 s lost the lock to a second process. Node has no flock(2).
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'server.lock';

/** A start refused because another live process owns the data directory; its message is the one line shown. */
export class DataDirInUseError extends Error {}

export interface DataDirLock {
  release(): Promise<void>;
}

/** Paths this process holds, so a lock naming our own pid is told apart from one left by an earlier process. */
const held = new Set<string>();

interface Owner {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), which tells a reused pid from the owner. */
  started: string | null;
}

async function startTicks(pid: number): Promise<string | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name in field 2 may hold spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<Owner | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  const [pid, started] = text?.trim().split(/\s+/) ?? [];
  return pid && /^\d+$/.test(pid) ? { pid: Number(pid), started: started ?? null } : null;
}

async function ownsIt(owner: Owner, path: string): Promise<boolean> {
  if (owner.pid === process.pid) return held.has(path);
  if (!isAlive(owner.pid)) return false;
  const started = await startTicks(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

/** Takes the lock on `dataDir`, or throws DataDirInUseError naming the process that holds it. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  // Written aside and linked into place, so the lock never exists without its owner's pid in it.
  const draft = `${path}.${process.pid}`;
  await writeFile(draft, `${process.pid} ${(await startTicks(process.pid)) ?? ''}\n`);
  try {
    return await takeLock(dataDir, path, draft);
  } finally {
    await rm(draft, { force: true });
  }
}

async function takeLock(dataDir: string, path: string, draft: string): Promise<DataDirLock> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await link(draft, path);
      held.add(path);
      return {
        async release() {
          held.delete(path);
          if ((await readOwner(path))?.pid === process.pid) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(path);
    if (owner && (await ownsIt(owner, path))) {
      throw new DataDirInUseError(
        `DATA_DIR ${dataDir} is in use by process ${owner.pid}; stop it, or give this server another DATA_DIR`,
      );
    }
    // A lock left by a process that is gone: move it aside and try again.
    await rename(path, `${draft}.stale`).catch(() => undefined);
    await rm(`${draft}.stale`, { force: true });
  }
  throw new DataDirInUseError(`DATA_DIR ${dataDir} is being locked by another starting process; try again`);
}
