// The processes a benchmark measures: started with their stdout in a file, stopped with SIGTERM, and their peak
// resident memory read from /proc between measurements, summed over the process and its children (the server runs
// PGlite in one of its own).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export interface Target {
  name: string;
  port: number;
  child: ChildProcess;
  /**
   * The peak resident memory through the start, in MB: the tree's resident memory sampled every 100 ms while it
   * started, or the sum of each process's own peak once it listens if higher. Sampled too, because a process that
   * ended during the start (the one that makes a new embedded database) takes its own peak with it.
   */
  startPeakMb: number;
}

/**
 * Its stdout goes to a file, so its log lines never load the process that generates the traffic. Its DATA_DIR is a
 * fresh folder, removed when it exits, so a server already running on ./data does not refuse it.
 */
export async function startTarget(name: string, script: string, env: Record<string, string>): Promise<Target> {
  const logFile = join(tmpdir(), `bench-${name}-${process.pid}.log`);
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-data-`));
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', out, 'inherit'],
  });
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  closeSync(out);
  let sampledPeak = 0;
  for (let waited = 0; waited < 120_000; waited += 100) {
    const line = readFileSync(logFile, 'utf8')
      .split('\n')
      .find((text) => text.includes('"listening"'));
    if (line) {
      const port = (JSON.parse(line) as { port: number }).port;
      return { name, port, child, startPeakMb: Math.max(sampledPeak, peakMemoryMb({ child })) };
    }
    sampledPeak = Math.max(sampledPeak, treeMemoryMb({ child }, 'VmRSS'));
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not start; see ${logFile}`);
}

export function stopTarget(target: Target): Promise<void> {
  return new Promise((resolve) => {
    if (target.child.exitCode !== null) return resolve();
    target.child.once('exit', () => resolve());
    target.child.kill('SIGTERM');
  });
}

/** The target's process and every process below it, read from each process's parent in /proc. */
function processTree(target: Pick<Target, 'child'>): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4; the command name in field 2 may hold spaces, so count from its closing parenthesis.
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone between the listing and the read.
    }
  }
  const tree = [target.child.pid!];
  for (let at = 0; at < tree.length; at++) {
    for (const [pid, parent] of parents) if (parent === tree[at]) tree.push(pid);
  }
  return tree;
}

/** `field` of /proc/<pid>/status in MB, summed over the target's processes. */
function treeMemoryMb(target: Pick<Target, 'child'>, field: 'VmHWM' | 'VmRSS'): number {
  let kb = 0;
  for (const pid of processTree(target)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    } catch {
      // Gone between the listing and the read: it holds nothing now.
    }
  }
  return Math.round(kb / 1024);
}

/** Starts a new peak: writing 5 to clear_refs resets the kernel's high-water mark of resident memory. */
export function resetPeakMemory(target: Target): void {
  for (const pid of processTree(target)) writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/**
 * The peak resident memory since the last reset, in MB: the sum of each process's own peak, which is at least the
 * peak of their sum.
 */
export function peakMemoryMb(target: Pick<Target, 'child'>): number {
  return treeMemoryMb(target, 'VmHWM');
}

/** The resident memory now, in MB. */
export function currentMemoryMb(target: Target): number {
  return treeMemoryMb(target, 'VmRSS');
}

/**
 * The memory the target's processes take from the box now, in MB: their proportional set sizes summed. Summed
 * resident memory counts twice what the server and PGlite's process share (the Node binary's pages, about 55 MB).
 */
export function currentUniqueMemoryMb(target: Target): number {
  let kb = 0;
  for (const pid of processTree(target)) {
    try {
      kb += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone between the listing and the read: it holds nothing now.
    }
  }
  return Math.round(kb / 1024);
}
