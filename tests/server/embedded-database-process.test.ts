// PGlite's own process killed under the server's feet, with calls in flight and more arriving: every call answers,
// 200 or 503 (a database in memory stays down), and the server goes on serving.
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { onPostgres } from '../support/database.ts';
import { hubgw, request, useTestServer } from '../support/server.ts';

const server = useTestServer();

/** The pids of this process's children that run the embedded database. */
function databaseProcesses(): number[] {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter((line) => line.includes('pglite/child.ts'))
    .map((line) => Number(line.trim().split(/\s+/, 1)[0]));
}

it.skipIf(onPostgres)('answers every call while its database process is killed, and keeps serving', async () => {
  expect((await hubgw(server, 'GET', '/homes/069a79f4-44e9-4726-a5be-fca90e38aaf5')).status).toBe(200);
  const [pid] = databaseProcesses();
  expect(pid).toBeGreaterThan(0);
  const calls = Array.from({ length: 40 }, () => hubgw(server, 'GET', '/homes/069a79f4-44e9-4726-a5be-fca90e38aaf5'));
  process.kill(pid!, 'SIGKILL');
  for (let round = 0; round < 40; round++) {
    calls.push(hubgw(server, 'GET', '/homes/069a79f4-44e9-4726-a5be-fca90e38aaf5'));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const statuses = new Set((await Promise.all(calls)).map((res) => res.status));
  expect([...statuses].every((status) => status === 200 || status === 503)).toBe(true);
  expect(statuses.has(503)).toBe(true);
  expect((await request(server, 'GET', '/livez')).body).toEqual({ status: 'ok' });
});
