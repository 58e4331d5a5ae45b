// Runs `main.ts` as a child process, the way `npm start` does, and reads its JSON log lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the server with `env` over a few defaults: in-memory PGlite, port 0, and a DATA_DIR of its own that is
 * removed when it exits. An `undefined` value leaves that variable unset.
 */
export function runServerProcess(env: Record<string, string | undefined>): ServerProcess {
  const ownDataDir = env.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'game-backend-process-')) : null;
  const merged = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: 'memory://',
    PORT: '0',
    DATA_DIR: ownDataDir ?? undefined,
    ...env,
  };
  const child = spawn(process.execPath, [MAIN], {
    env: Object.fromEntries(
      Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (ownDataDir) child.on('exit', () => rmSync(ownDataDir, { recursive: true, force: true }));
  const logs: Record<string, unknown>[] = [];
  const waiters: { message: string; resolve: (line: Record<string, unknown>) => void }[] = [];
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
