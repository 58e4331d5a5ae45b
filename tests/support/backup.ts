// Runs `npm run backup` and `npm run restore` as the operator would, as processes of their own on a DATA_DIR.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
