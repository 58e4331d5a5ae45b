// `npm ci --ignore-scripts` (a hardened CI or Docker step) skips the install script that sets up the project's own
// Node 24, so npm's scripts run on the machine's Node. On a Node that cannot run .ts files, `npm start` and the
// example then say in one line to run `npm rebuild` (README: "Install"), and after it the server starts. Real npm,
// on a scratch copy of the project. Its first screen holds no warning: the project's `.npmrc` keeps npm's false
// EBADENGINE warnings (checked against the machine's Node) off it (README: "Install").
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LEFT_OUT = new Set(['node_modules', 'dist', 'data', '.git']);
const REBUILD_LINE =
  "cannot run this project's .ts files: the project's own Node 24 is not set up (an install with --ignore-scripts " +
  'skips it). Run `npm rebuild`, then this command again.';

/** PATH without the project's node_modules/.bin, which vitest runs under: what a fresh shell on the machine has. */
const machinePath = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((entry) => !entry.endsWith(join('node_modules', '.bin')))
  .join(delimiter);
const machineEnv = { ...process.env, PATH: machinePath };

function machineNodeRunsTypeScript(): boolean {
  const answer = execFileSync('node', ['-p', 'Boolean(process.features.typescript)'], { env: machineEnv });
  return answer.toString().trim() === 'true';
}

const scratch = mkdtempSync(join(tmpdir(), 'game-backend-ignore-scripts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// `npm rebuild` also makes the embedded database's template on V8's baseline compiler: under a loaded CI machine
// (the PostgreSQL suite's spawned servers beside it) it took over 120 s, against about 20 s on a quiet one.
function npm(args: string[], env: Record<string, string | undefined> = machineEnv) {
  return spawnSync('npm', args, { cwd: scratch, env, encoding: 'utf8', timeout: 300_000 });
}

describe.skipIf(machineNodeRunsTypeScript())('after npm ci --ignore-scripts, on the machine Node', () => {
  it('npm start and the example say to run npm rebuild; after it the server starts', { timeout: 720_000 }, async () => {
    cpSync(ROOT, scratch, { recursive: true, filter: (from) => !LEFT_OUT.has(relative(ROOT, from).split('/')[0]!) });
    const install = npm(['ci', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund']);
    expect(install.status, install.stderr).toBe(0);
    expect(`${install.stdout}${install.stderr}`, 'the first screen says no false EBADENGINE').not.toMatch(/warn/i);

    const machineVersion = execFileSync('node', ['--version'], { env: machineEnv }).toString().trim();
    for (const script of [['start'], ['run', 'dashboard-client']]) {
      const run = npm(script);
      expect(run.status, script.join(' ')).toBe(1);
      expect(run.stderr, script.join(' ')).toBe(`Node ${machineVersion} ${REBUILD_LINE}\n`);
    }

    const rebuild = npm(['rebuild']);
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(rebuild.stderr, "the project's Node satisfies every engine").not.toMatch(/warning/);
    const server = spawn('npm', ['start'], {
      cwd: scratch,
      env: { ...machineEnv, PORT: '0', DATABASE_URL: 'memory://', DATA_DIR: join(scratch, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        server.on('exit', (code) => reject(new Error(`npm start exited ${code}: ${output}`)));
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk;
          const found = /"url":"([^"]+)"/.exec(output);
          if (found) resolve(found[1]!);
        });
      });
      expect((await fetch(`${url}/livez`)).status).toBe(200);
      expect((await fetch(`${url}/live/app.js`)).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  });
});
