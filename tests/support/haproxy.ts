// Debian's HAProxy in front of server processes, with the configuration the README ships (deploy/haproxy.cfg): only
// the bind address and the servers' addresses are changed, to loopback ports.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const SHIPPED = fileURLToPath(new URL('../../deploy/haproxy.cfg', import.meta.url));

/** Under CI, .ci/run installs HAProxy: there a missing one fails the tests instead of skipping them. */
const haproxyInstalled = spawnSync('haproxy', ['-v']).status === 0;
export const skipWithoutHaproxy = !haproxyInstalled && !process.env.CI;

/** A loopback port that was free a moment ago: HAProxy needs its port in the file, before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The shipped configuration for `instancePorts`: the frontend bound to `127.0.0.1:port`, and the shipped server
 * lines replaced by one per instance, named as they are (`game1`, `game2`, …), on loopback.
 */
export function haproxyConfig(port: number, instancePorts: number[]): string {
  const shipped = readFileSync(SHIPPED, 'utf8');
  const binds = shipped.match(/^ *bind \*:8080$/gm) ?? [];
  const servers = shipped.match(/^ *server game\d+ game\d+:3000$/gm) ?? [];
  if (binds.length !== 1 || servers.length === 0)
    throw new Error('deploy/haproxy.cfg no longer has the bind and server lines this test rewrites');
  const indent = servers[0]!.match(/^ */)![0];
  const ours = instancePorts.map((instancePort, i) => `${indent}server game${i + 1} 127.0.0.1:${instancePort}`);
  return shipped
    .replace(binds[0]!, binds[0]!.replace('*:8080', `127.0.0.1:${port}`))
    .replace(servers.join('\n'), ours.join('\n'));
}

export interface Haproxy {
  url: string;
  /** Everything HAProxy wrote: its request log and its health-check transitions. */
  output(): string;
  /** Resolves once HAProxy has written a line matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startHaproxy(instancePorts: number[]): Promise<Haproxy> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'game-backend-haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig(port, instancePorts));
  // -db: in the foreground, not as a daemon.
  const child = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    const answer = await fetch(`${url}/readyz`).catch(() => null);
    if (answer?.status === 200) break;
    if (attempt === 100 || child.exitCode !== null) {
      await stop();
      throw new Error(`HAProxy did not serve /readyz: ${output}`);
    }
    await sleep(100);
  }
  return {
    url,
    output: () => output,
    async waitFor(pattern, timeoutMs = 15_000) {
      for (let waited = 0; !pattern.test(output); waited += 50) {
        if (waited >= timeoutMs) throw new Error(`HAProxy wrote no ${pattern} within ${timeoutMs} ms: ${output}`);
        await sleep(50);
      }
    },
    stop,
  };
}
