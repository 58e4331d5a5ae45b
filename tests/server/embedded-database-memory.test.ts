// What keeps the embedded database small (issue 24, item 3), seen from outside: a first start copies the template
// made at install time instead of running initdb, and PGlite's process runs with the V8 flags and malloc setting
// that PGLITE__WASM_COMPILER and the memory choices give it. The memory figures themselves are the bench's
// (`npm run bench`, bench/pglite-ab.ts): timed and machine-dependent, so not asserted here; whether the server fits
// a small box at all is small-box.test.ts's, under a real memory limit.
import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#src/config.ts';
import { CLUSTER_MARK, copyTemplate, holdsCluster, templateDir } from '#src/database/pglite/template.ts';
import { TYPE_PARSERS } from '#src/database/pglite/type-parsers.ts';
import { chooseWasmCompiler, OPTIMIZING_NEEDS_BYTES } from '#src/database/pglite/wasm-compiler.ts';
import { createPostgreSqlTypeParsers } from '@mikro-orm/sql';
import array from 'postgres-array';
import { embeddedDatabaseProcess, runServerProcess, type ServerProcess } from '../support/process.ts';

const API_KEY = 'memory-test-key';
const OTHER_USER = 10001;
const TEMPLATE_MODULE = new URL('../../src/database/pglite/template.ts', import.meta.url).href;
const MADE_FROM_TEMPLATE = 'made the database from the template made at install time';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'game-backend-memory-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function start(env: Record<string, string | undefined>): Promise<{ server: ServerProcess; url: string }> {
  const server = runServerProcess({ SECURITY__API_KEY: API_KEY, ...env });
  const { url } = (await server.waitForLog('listening', 90_000)) as { url: string };
  return { server, url };
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

function hubgw(url: string, method: string, path: string, body?: unknown) {
  return fetch(`${url}/api/v1${path}`, {
    method,
    headers: { 'X-API-Key': API_KEY, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('a first start on a fresh DATA_DIR', () => {
  it('copies the install-time template instead of running initdb, and the copy is a cluster that reopens', async () => {
    expect(holdsCluster(templateDir())).toBe(true);
    const dataDir = join(scratch, 'fresh');
    const first = await start({ DATABASE_URL: undefined, DATA_DIR: dataDir });
    expect(first.server.logs.map((line) => line.msg)).toContain(MADE_FROM_TEMPLATE);
    const home = {
      player_uuid: '00000000-0000-4000-8000-000000000001',
      name: 'base',
      world: 'world',
      x: 1,
      y: 2,
      z: 3,
    };
    expect((await hubgw(first.url, 'PUT', '/homes/', home)).status).toBe(200);
    await stop(first.server);

    const again = await start({ DATABASE_URL: undefined, DATA_DIR: dataDir });
    expect(again.server.logs.map((line) => line.msg)).not.toContain(MADE_FROM_TEMPLATE);
    const read = await hubgw(again.url, 'GET', `/homes/${home.player_uuid}`);
    expect(await read.json()).toMatchObject({ homes: [{ name: 'base', world: 'world' }] });
    await stop(again.server);
  }, 180_000);
});

describe('copyTemplate', () => {
  it('copies nothing without a template, so the start falls back to initdb', async () => {
    const dataDir = join(scratch, 'no-template');
    await mkdir(dataDir);
    expect(await copyTemplate(dataDir, join(scratch, 'missing-template'))).toEqual({
      copied: false,
      because: 'no template was made at install time',
    });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('leaves a folder that already holds files as it is, and leaves no copy behind', async () => {
    const template = join(scratch, 'template');
    await mkdir(template);
    await writeFile(join(template, CLUSTER_MARK), '18\n');
    const dataDir = join(scratch, 'not-empty');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'postmaster.pid'), 'left over');
    expect(await copyTemplate(dataDir, template)).toEqual({ copied: false, because: `${dataDir} already holds files` });
    expect(await readdir(dataDir)).toEqual(['postmaster.pid']);
    expect(await readdir(scratch)).not.toContain('not-empty.copying');
  });
});

describe('the install-time template', () => {
  // The container's server runs as uid 10001, the install as root.
  it.skipIf(process.getuid?.() !== 0)('is copied by a server running as another user than the install', async () => {
    // As in the container: DATA_DIR belongs to the server's user, and the database is a folder in it.
    await chmod(scratch, 0o755);
    const ownDataDir = join(scratch, 'other-user');
    const dataDir = join(ownDataDir, 'pglite');
    await mkdir(dataDir, { recursive: true });
    for (const dir of [ownDataDir, dataDir]) await chown(dir, OTHER_USER, OTHER_USER);
    const copy = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { copyTemplate } = await import(${JSON.stringify(TEMPLATE_MODULE)});
         console.log(JSON.stringify(await copyTemplate(${JSON.stringify(dataDir)})));`,
      ],
      { uid: OTHER_USER, gid: OTHER_USER, encoding: 'utf8' },
    );
    expect(copy.stderr).toBe('');
    expect(JSON.parse(copy.stdout)).toEqual({ copied: true });
    expect(holdsCluster(dataDir)).toBe(true);
  });
});

describe("PGlite's process", () => {
  it("runs with V8's optimising compiler by default where memory allows, a 1 MB young generation and one malloc arena", async () => {
    expect(process.availableMemory()).toBeGreaterThanOrEqual(OPTIMIZING_NEEDS_BYTES);
    const { server } = await start({});
    const { args, env } = embeddedDatabaseProcess(server);
    expect(args).not.toContain('--no-wasm-tier-up');
    expect(args).toContain('--max-semi-space-size=1');
    expect(env).toContain('MALLOC_ARENA_MAX=1');
    await stop(server);
  }, 120_000);

  it('runs on the baseline compiler only with PGLITE__WASM_COMPILER=baseline', async () => {
    const { server } = await start({ PGLITE__WASM_COMPILER: 'baseline' });
    const { args } = embeddedDatabaseProcess(server);
    expect(args).toEqual(expect.arrayContaining(['--no-wasm-tier-up', '--no-wasm-dynamic-tiering']));
    expect(args).toContain('--max-semi-space-size=1');
    await stop(server);
  }, 120_000);

  it('refuses a PGLITE__WASM_COMPILER other than auto, optimizing or baseline, naming it', () => {
    expect(loadConfig({}, () => 'key').database).toMatchObject({ wasmCompiler: 'auto' });
    for (const given of ['turbofan', 'Baseline', '']) {
      expect(() => loadConfig({ PGLITE__WASM_COMPILER: given }, () => 'key')).toThrow(ConfigError);
      expect(() => loadConfig({ PGLITE__WASM_COMPILER: given }, () => 'key')).toThrow(/PGLITE__WASM_COMPILER/);
    }
    expect(loadConfig({ PGLITE__WASM_COMPILER: 'baseline' }, () => 'key').database).toMatchObject({
      wasmCompiler: 'baseline',
    });
  });
});

describe('PGLITE__WASM_COMPILER=auto', () => {
  const gib = 1024 ** 3;

  it('takes the baseline compiler when less than the optimising compiler needs is available, and says why', () => {
    expect(chooseWasmCompiler('auto', 0.6 * gib)).toEqual({
      compiler: 'baseline',
      because: '614 MB is available, and the optimising compiler needs 1536 MB',
    });
    expect(chooseWasmCompiler('auto', OPTIMIZING_NEEDS_BYTES - 1).compiler).toBe('baseline');
  });

  it('takes the optimising compiler where its peak fits, and leaves a set compiler as it is', () => {
    expect(chooseWasmCompiler('auto', OPTIMIZING_NEEDS_BYTES)).toEqual({ compiler: 'optimizing', because: null });
    expect(chooseWasmCompiler('optimizing', 0.5 * gib)).toEqual({ compiler: 'optimizing', because: null });
    expect(chooseWasmCompiler('baseline', 64 * gib)).toEqual({ compiler: 'baseline', because: null });
  });
});

describe("PGlite's process's type parsers", () => {
  it("answer as MikroORM's own for PGlite, without loading MikroORM into that process", () => {
    const mikroOrm = createPostgreSqlTypeParsers((text) => array.parse(text));
    expect(Object.keys(TYPE_PARSERS).sort()).toEqual(Object.keys(mikroOrm).sort());
    const samples = ['2024-01-01', '2024-01-01 12:00:00+00', '1 day 02:00:00', '{2024-01-01,"2024-01-02"}', '{}'];
    const outcome = (parse: (text: string) => unknown, text: string) => {
      try {
        return { value: parse(text) };
      } catch (error) {
        return { refused: String(error) };
      }
    };
    for (const oid of Object.keys(mikroOrm).map(Number)) {
      for (const text of samples) expect(outcome(TYPE_PARSERS[oid]!, text)).toEqual(outcome(mikroOrm[oid]!, text));
    }
  });
});
