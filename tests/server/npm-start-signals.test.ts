// SIGTERM or SIGINT sent to the `npm start` process, as Docker, systemd and process managers send it, stops the
// server itself gracefully: npm passes the signal to its child, so the child must be the server and not a shell.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dataDirs: string[] = [];

/** The pids of processes whose environment holds `DATA_DIR=<dataDir>`: the server, wherever npm left it. */
function processesServing(dataDir: string): number[] {
  const marker = `DATA_DIR=${dataDir}\0`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

afterAll(() => {
  for (const dataDir of dataDirs) {
    for (const pid of processesServing(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe.each(['SIGTERM', 'SIGINT'] as const)('%s to npm start', (signal) => {
  it('stops the server, which logs its shutdown and closes its port', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'game-backend-npm-start-'));
    dataDirs.push(dataDir);
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: 'memory://', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not listen: ${output}`)), 45_000);
      npm.stdout.on('data', () => {
        const found = /"url":"([^"]+)"/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      });
    });
    expect((await fetch(`${url}/livez`)).status).toBe(200);

    npm.kill(signal);
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000, 'still running'))]);
    expect(code).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(processesServing(dataDir)).toEqual([]);
    await expect(fetch(`${url}/livez`)).rejects.toThrow();
  });
});
