// The server on the embedded database in a box with little memory (issue 24, item 3): a 1 GB VPS that also runs a
// Discord bot leaves it about 640 MB. A memory cgroup holds the server and PGlite's process to that, as the kernel
// would on such a box. With V8's optimising compiler, PGlite's process peaks past it within seconds of the start and
// is killed for memory; `PGLITE__WASM_COMPILER=auto` (the default) sees the limit and takes the baseline compiler.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../support/database.ts';
import { createMemoryCgroup, type MemoryCgroup, skipWithoutMemoryCgroup } from '../support/memory-cgroup.ts';
import { embeddedDatabaseProcess, runServerProcess } from '../support/process.ts';
import { API_KEY, hubgw } from '../support/server.ts';

const SMALL_BOX_BYTES = 640 * 1024 ** 2;
const PLAYERS = 120;

const player = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// The embedded database's test: the PostgreSQL run of the suite has nothing to add to it.
describe.skipIf(onPostgres || skipWithoutMemoryCgroup)('the server on the embedded database, held to 640 MB', () => {
  let cgroup: MemoryCgroup;
  let dataDir: string;
  beforeAll(async () => {
    cgroup = createMemoryCgroup('game-backend-small-box', SMALL_BOX_BYTES);
    dataDir = await mkdtemp(join(tmpdir(), 'game-backend-small-box-'));
  });
  afterAll(async () => {
    await cgroup?.remove();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on the baseline compiler, serves writes and reads, is never killed for memory, and stops on SIGTERM', async () => {
    const server = runServerProcess(
      { SECURITY__API_KEY: API_KEY, DATABASE_URL: undefined, DATA_DIR: dataDir, RATE_LIMIT__MAX: '1000000' },
      { cgroupProcs: cgroup.procsFile },
    );
    const { url } = (await server.waitForLog('listening', 120_000)) as { url: string };
    const chosen = server.logs.find((line) => String(line.msg).includes("V8's baseline compiler"));
    expect(chosen?.because).toMatch(/^\d+ MB is available, and the optimising compiler needs 1536 MB$/);
    expect(embeddedDatabaseProcess(server).args).toEqual(
      expect.arrayContaining(['--no-wasm-tier-up', '--no-wasm-dynamic-tiering']),
    );

    const listening = { url };
    for (let at = 0; at < PLAYERS; at += 10) {
      const writes = Array.from({ length: 10 }, (_, i) =>
        hubgw(listening, 'PUT', '/homes/', {
          json: { player_uuid: player(at + i), name: 'home', world: 'world', x: at + i, y: 64, z: 0 },
        }),
      );
      for (const { status } of await Promise.all(writes)) expect(status).toBe(200);
    }
    const batch = Array.from({ length: 50 }, (_, i) => ({
      player_uuid: player(i),
      player_name: `Player${i}`,
      command: 'home',
      arguments: ['home'],
      server: 'lobby',
      timestamp: new Date().toISOString(),
    }));
    const audit = await hubgw(listening, 'POST', '/audit/commands', { json: batch });
    expect({ status: audit.status, body: audit.body }).toEqual({ status: 202, body: { accepted: 50 } });
    for (let n = 0; n < PLAYERS; n++) {
      const { status, body } = await hubgw(listening, 'GET', `/homes/${player(n)}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ total: 1, homes: [{ name: 'home', x: n }] });
    }
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(cgroup.oomKills()).toBe(0);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(cgroup.oomKills()).toBe(0);
  }, 240_000);
});
