// Start-up as an operator sees it: refusals with one clear line, the generated key, and SIGTERM.
import { describe, expect, it } from 'vitest';
import { heldRequest, runServerProcess } from '../support/process.ts';

async function refusal(env: Record<string, string>) {
  const server = runServerProcess(env);
  const { code } = await server.exited;
  return { code, stderr: server.stderr() };
}

describe('start-up refusals', () => {
  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT: Invalid input: expected number, received NaN (got "abc")'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT: Too big: expected number to be <=65535 (got "70000")'],
    [
      { DATABASE_URL: 'mysql://db' },
      'Invalid configuration: DATABASE_URL: must be memory:// or a postgres:// URL (got "mysql://db")',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid configuration: LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent" (got "loud")',
    ],
    [{ NODE_ENV: 'production' }, 'Invalid configuration: SECURITY__API_KEY must be set when NODE_ENV=production'],
    [
      { HOST: '0.0.0.0' },
      'Invalid configuration: SECURITY__ADMIN_TOKEN must be set when HOST (0.0.0.0) is not a loopback address',
    ],
  ])('refuses %j with one line naming the variable', async (env, line) => {
    const { code, stderr } = await refusal(env);
    expect(code).toBe(1);
    expect(stderr).toBe(`${line}\n`);
  });
});

describe('start-up', () => {
  it('generates an API key when none is set outside production, shows it once in the start banner, and accepts it', async () => {
    const server = runServerProcess({});
    try {
      const listening = await server.waitForLog('listening');
      const { url, generatedApiKey } = listening;
      expect(listening).toMatchObject({ docs: `${url}/docs`, livePage: `${url}/`, database: 'PGlite in memory' });
      expect(server.logs.filter((line) => String(line.msg).includes('migration')).map((line) => line.msg)).toEqual([
        expect.stringMatching(/^applied \d+ migrations$/),
      ]);
      const apiKey = String(generatedApiKey);
      expect(apiKey.length).toBeGreaterThanOrEqual(32);
      expect(server.logs.filter((line) => JSON.stringify(line).includes(apiKey))).toHaveLength(1);
      const homes = await fetch(`${url}/api/v1/homes/069a79f4-44e9-4726-a5be-fca90e38aaf5`, {
        headers: { 'X-API-Key': apiKey },
      });
      expect(homes.status).toBe(200);
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('serves a non-loopback HOST when an admin token is set, and logs requests without secrets', async () => {
    const server = runServerProcess({
      HOST: '0.0.0.0',
      SECURITY__ADMIN_TOKEN: 'admin-secret-token',
      SECURITY__API_KEY: 'api-secret-key',
    });
    try {
      const { port } = await server.waitForLog('listening');
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/homes/069a79f4-44e9-4726-a5be-fca90e38aaf5`, {
        headers: { 'X-API-Key': 'api-secret-key', Authorization: 'Bearer admin-secret-token' },
      });
      expect(res.status).toBe(200);
      const line = await server.waitForLog('request');
      expect(line).toMatchObject({ method: 'GET', status: 200, reqId: expect.any(String) });
      const everything = JSON.stringify(server.logs);
      expect(everything).not.toContain('api-secret-key');
      expect(everything).not.toContain('admin-secret-token');
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

describe('a statement timeout shorter than the migrations', () => {
  it('does not cut them: the embedded database is watched for hangs only once the server has started', async () => {
    const server = runServerProcess({ DATABASE__STATEMENT_TIMEOUT_MS: '1' });
    try {
      const listening = await server.waitForLog('listening');
      expect(listening.database).toBe('PGlite in memory');
      expect(server.logs.filter((line) => String(line.msg).includes('stopped answering'))).toEqual([]);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

describe('SIGTERM', () => {
  it('stops accepting connections, finishes the request in flight, and exits 0', async () => {
    const server = runServerProcess({ SECURITY__API_KEY: 'k' });
    const { port } = (await server.waitForLog('listening')) as { port: number };
    const body = JSON.stringify({
      player_uuid: '069a79f4-44e9-4726-a5be-fca90e38aaf5',
      name: 'inflight',
      world: 'w',
      x: 1,
      y: 2,
      z: 3,
    });
    const held = heldRequest(port, 'PUT', '/api/v1/homes/', { 'X-API-Key': 'k' }, body, 20);
    setTimeout(() => {
      server.child.kill('SIGTERM');
      setTimeout(held.finish, 300);
    }, 200);
    const inFlight = held.answered.then((outcome) =>
      'error' in outcome ? Promise.reject(new Error(outcome.error)) : outcome,
    );

    const started = Date.now();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ name: 'inflight', x: 1 });
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.logs.map((line) => line.msg)).toContain('stopped');
  });
});
