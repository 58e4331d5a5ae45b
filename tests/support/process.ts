// Runs `main.ts` as a child process, the way `npm start` does, and reads its JSON log lines.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  stderr(): string;
  waitForLog(message: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Every line of `message` once there are `count` of them; fails if the server exits before. */
  waitForLogs(message: string, count: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the server with `env` over a few defaults: in-memory PGlite, port 0, and a DATA_DIR of its own that is
 * removed when it exits. An `undefined` value leaves that variable unset. With `cgroupProcs` (a cgroup's
 * `cgroup.procs`), the server joins that cgroup before Node starts, so everything it runs is held to its limits.
 */
export function runServerProcess(
  env: Record<string, string | undefined>,
  { cgroupProcs }: { cgroupProcs?: string } = {},
): ServerProcess {
  const ownDataDir = env.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'game-backend-process-')) : null;
  const merged = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: 'memory://',
    PORT: '0',
    DATA_DIR: ownDataDir ?? undefined,
    ...env,
  };
  const [command, args] =
    cgroupProcs === undefined
      ? [process.execPath, [MAIN]]
      : ['/bin/sh', ['-c', 'echo $$ > "$0" && exec "$@"', cgroupProcs, process.execPath, MAIN]];
  const child = spawn(command, args, {
    env: Object.fromEntries(
      Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (ownDataDir) child.on('exit', () => rmSync(ownDataDir, { recursive: true, force: true }));
  const logs: Record<string, unknown>[] = [];
  const waiters: { message: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  const counters: { message: string; count: number; resolve: (lines: Record<string, unknown>[]) => void }[] = [];
  const linesOf = (message: string) => logs.filter((line) => line.msg === message);
  let stdoutBuffer = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdoutBuffer += chunk.toString();
    const lines = stdoutBuffer.split('\n');
    stdoutBuffer = lines.pop()!;
    for (const text of lines) {
      const line = JSON.parse(text) as Record<string, unknown>;
      logs.push(line);
      for (const waiter of waiters.filter((w) => w.message === line.msg)) waiter.resolve(line);
      for (const counter of counters.filter((c) => c.message === line.msg)) {
        const seen = linesOf(counter.message);
        if (seen.length >= counter.count) counter.resolve(seen);
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog(message, timeoutMs = 20_000) {
      const seen = logs.find((line) => line.msg === message);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no '${message}' log within ${timeoutMs} ms; stderr: ${stderr}`)),
          timeoutMs,
        );
        waiters.push({
          message,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
    waitForLogs(message, count, timeoutMs = 20_000) {
      const seen = linesOf(message);
      if (seen.length >= count) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${linesOf(message).length} of ${count} '${message}' logs within ${timeoutMs} ms`)),
          timeoutMs,
        );
        // A server that exits logs no more: the wait fails then, with the server's last words.
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(new Error(`the server exited (${signal ?? code}) after '${String(logs.at(-1)?.msg)}'`));
        });
        counters.push({
          message,
          count,
          resolve: (lines) => {
            clearTimeout(timer);
            resolve(lines);
          },
        });
      });
    },
  };
}

export type HeldOutcome = { status: number; body: string } | { error: string };

/**
 * A request whose body is sent in part at once and held back until `finish` is called, so it is in flight for as
 * long as a test wants (across a SIGTERM, say).
 */
export function heldRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
  sentFirst = 10,
) {
  let finish!: () => void;
  const answered = new Promise<HeldOutcome>((resolve) => {
    const req = httpRequest(
      {
        port,
        host: '127.0.0.1',
        method,
        path,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', (error) => resolve({ error: String(error) }));
    req.write(body.slice(0, sentFirst));
    finish = () => req.end(body.slice(sentFirst));
  });
  return { answered, finish: () => finish() };
}

/** The process running PGlite below the server: its command line and its environment, from /proc. */
export function embeddedDatabaseProcess(server: ServerProcess): { args: string[]; env: string[] } {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(server.child.pid)], { encoding: 'utf8' });
  const line = listing.split('\n').find((text) => text.includes('pglite/child.ts'));
  if (line === undefined) throw new Error(`no embedded database process below the server: ${listing}`);
  const pid = line.trim().split(/\s+/, 1)[0];
  const read = (file: string) => readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\0');
  return { args: read('cmdline'), env: read('environ') };
}
