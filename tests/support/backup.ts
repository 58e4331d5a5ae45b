// Runs `npm run backup` and `npm run restore` as the operator would, as processes of their own on a DATA_DIR, and
// the server on PGlite on disk that they back up.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { runServerProcess, type ServerProcess } from './process.ts';
import { API_KEY } from './server.ts';

const SCRIPTS = { backup: '../../scripts/backup.ts', restore: '../../scripts/restore.ts' } as const;

export interface ScriptRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `scripts/<script>.ts <file>` on `dataDir`'s embedded database. */
export function runBackupScript(script: keyof typeof SCRIPTS, dataDir: string, file: string): ScriptRun {
  const child = spawn(process.execPath, [fileURLToPath(new URL(SCRIPTS[script], import.meta.url)), file], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, SECURITY__API_KEY: 'unused-by-the-scripts' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Awaited<ScriptRun['done']>>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** A server process on the embedded database in `dataDir`, with `env` over it; `url` resolves once it listens. */
export function startOnDisk(
  dataDir: string,
  env: Record<string, string | undefined> = {},
): { server: ServerProcess; url: Promise<string> } {
  const server = runServerProcess({ SECURITY__API_KEY: API_KEY, DATABASE_URL: undefined, DATA_DIR: dataDir, ...env });
  return { server, url: server.waitForLog('listening', 120_000).then((line) => line.url as string) };
}

/** Stops the server as an operator would, and expects it to exit cleanly. */
export async function stopServer(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toEqual({ code: 0, signal: null });
}
