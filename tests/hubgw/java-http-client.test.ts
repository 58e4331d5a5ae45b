// Java's own HttpClient, as a Paper or Spigot plugin uses it: `java PluginClient.java` (a single-file program, no
// build tool) with the default client, which offers an h2c upgrade with every request over http://. CI installs
// Debian's openjdk-17-jdk-headless when `java` is missing; elsewhere the test is skipped without one.
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { API_KEY, useTestServer } from '../support/server.ts';

const CLIENT = fileURLToPath(new URL('./java/PluginClient.java', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function hasJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const server = useTestServer();

describe.skipIf(!hasJava() && !process.env.CI)("HubGW through Java's default HttpClient", () => {
  it('reads and writes homes and cooldowns over HTTP/1.1', { timeout: 60_000 }, async () => {
    const player = crypto.randomUUID();
    const { stdout } = await promisify(execFile)('java', [CLIENT, server.url, API_KEY, player], { timeout: 50_000 });
    const calls = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const home = {
      id: expect.stringMatching(UUID),
      player_uuid: player,
      name: 'base',
      world: 'world',
      x: 100,
      y: 64,
      z: -20.5,
      yaw: 0,
      pitch: 0,
      is_public: false,
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
    };
    expect(calls).toEqual([
      { call: 'health', status: 200, version: 'HTTP_1_1', body: { status: 'ok', database: 'up' } },
      { call: 'home', status: 200, version: 'HTTP_1_1', body: home },
      { call: 'home by name', status: 200, version: 'HTTP_1_1', body: home },
      { call: 'homes', status: 200, version: 'HTTP_1_1', body: { homes: [home], total: 1 } },
      { call: 'cooldown', status: 201, version: 'HTTP_1_1', body: { message: 'Cooldown created successfully' } },
      {
        call: 'check',
        status: 200,
        version: 'HTTP_1_1',
        body: { is_active: true, expires_at: expect.stringMatching(ISO), remaining_seconds: expect.any(Number) },
      },
    ]);
    expect(calls[5].body.remaining_seconds).toBeGreaterThan(3500);
  });
});
