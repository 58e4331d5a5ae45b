// Retention (README, "Retention"): the command audit and the teleport history lose their rows past
// AUDIT_RETENTION_DAYS and TELEPORT_HISTORY_RETENTION_DAYS, in batches, while writes go on; the money ledger and the
// moderation cases keep every row however old; /metrics shows what was pruned and how big each table is.
import { describe, expect, it } from 'vitest';
import { PRUNE_BATCH_ROWS } from '#src/database/retention.ts';
import { onboard } from '../support/aurora.ts';
import { onPostgres } from '../support/database.ts';
import { parseExposition } from '../support/prometheus.ts';
import { hubgw, request, startTestServer, type TestServer, useTestServer, useTwoInstances } from '../support/server.ts';

const DAY_MS = 86_400_000;
const OLD_COMMANDS = 2 * PRUNE_BATCH_ROWS + 345;

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const player = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** `count` commands run `days` days ago, sent in the largest batches the route takes. */
async function logCommands(server: TestServer, count: number, days: number, command: string): Promise<void> {
  for (let sent = 0; sent < count; sent += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - sent) }, (_, i) => ({
      player_uuid: player(i % 50),
      player_name: `player${i % 50}`,
      command,
      server: 'survival',
      timestamp: daysAgo(days),
    }));
    const res = await hubgw(server, 'POST', '/audit/commands', { json: batch });
    expect(res.status).toBe(202);
  }
}

async function countCommands(server: TestServer, command: string): Promise<number> {
  const [row] = await server.sql<{ n: number }>(
    'select count(*)::int as n from hubgw.command_audit where command = ?',
    [command],
  );
  return row!.n;
}

async function scrape(server: TestServer) {
  const res = await request(server, 'GET', '/metrics');
  expect(res.status).toBe(200);
  return parseExposition(res.text);
}

/** Waits for the rows pruned from `table` to reach `rows`, across `servers`; the test's own timeout bounds it. */
async function prunedReach(servers: TestServer[], table: string, rows: number): Promise<number[]> {
  for (;;) {
    const each = await Promise.all(
      servers.map(async (server) => (await scrape(server)).value('retention_rows_pruned_total', { table }) ?? 0),
    );
    if (each.reduce((sum, n) => sum + n, 0) >= rows) return each;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('retention on one server', () => {
  const server = useTestServer({ env: { RETENTION_INTERVAL_SECONDS: '1' } });

  it('removes what is older than the retention, keeps what is newer, and never touches the ledger', async () => {
    await logCommands(server, OLD_COMMANDS, 91, 'old');
    await logCommands(server, 7, 89, 'recent');

    const teleport = {
      player_uuid: player(1),
      from_world: 'world',
      from_x: 0,
      from_y: 64,
      from_z: 0,
      to_world: 'world',
      to_x: 10,
      to_y: 64,
      to_z: 10,
      tp_type: 'warp',
    };
    const teleports: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await hubgw(server, 'POST', '/teleport-history/', { json: { ...teleport, target_name: `t${i}` } });
      expect(res.status).toBe(201);
      teleports.push(res.body.id);
    }
    // The API records a teleport when it is made, so two are aged here: one past the 30 days, one just inside.
    await server.sql(`update hubgw.teleport_history set created_at = ? where id = ?`, [daysAgo(31), teleports[0]]);
    await server.sql(`update hubgw.teleport_history set created_at = ? where id = ?`, [daysAgo(29), teleports[1]]);

    // The ledger and the cases, aged ten years: far past every retention, and kept.
    const userId = await onboard(server, { balance: '100' });
    expect((await request(server, 'PUT', `/api/users/${userId}`, { json: { balance: '250' } })).status).toBe(200);
    const opened = await request(server, 'POST', '/api/moderation', {
      json: { type: 'warn', userId, username: 'member', moderatorId: '2', moderatorName: 'mod', reason: 'spam' },
    });
    expect(opened.status).toBe(201);
    await server.sql('update aurora.transactions set created_at = ?', [daysAgo(3650)]);
    await server.sql('update aurora.moderation_cases set created_at = ?', [daysAgo(3650)]);

    // Writes go on while the rounds prune: every one is taken, and every one stays.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await logCommands(server, 50, 0, 'during');
        written += 50;
      }
    })();
    await prunedReach([server], 'hubgw.command_audit', OLD_COMMANDS);
    await prunedReach([server], 'hubgw.teleport_history', 1);
    writing = false;
    await writer;

    expect(await countCommands(server, 'old')).toBe(0);
    expect(await countCommands(server, 'recent')).toBe(7);
    expect(await countCommands(server, 'during')).toBe(written);
    const history = await hubgw(server, 'GET', `/teleport-history/players/${player(1)}`);
    expect(history.body.map((entry: { id: string }) => entry.id).sort()).toEqual(teleports.slice(1).sort());

    const ledger = await request(server, 'GET', `/api/transactions?userId=${userId}`);
    expect(ledger.body.transactions.map((row: { type: string }) => row.type)).toEqual(['ADMIN_ADJUST']);
    const cases = await request(server, 'GET', `/api/moderation?userId=${userId}`);
    expect(cases.body.total).toBe(1);

    const metrics = await scrape(server);
    expect(metrics.value('retention_rows_pruned_total', { table: 'hubgw.command_audit' })).toBe(OLD_COMMANDS);
    expect(metrics.value('retention_rows_pruned_total', { table: 'hubgw.teleport_history' })).toBe(1);
    expect(metrics.value('retention_rows_pruned_total', { table: 'aurora.transactions' })).toBeUndefined();
  });

  it('shows each growing table’s estimated rows and bytes at /metrics', async () => {
    const metrics = await scrape(server);
    for (const table of [
      'hubgw.command_audit',
      'hubgw.teleport_history',
      'aurora.transactions',
      'aurora.moderation_cases',
    ])
      expect(metrics.value('table_size_bytes', { table })).toBeGreaterThan(0);
    // PGlite runs no autovacuum: retention analyzes each table every round, so the estimate is there. PostgreSQL's
    // autovacuum estimates on its own time, -1 until then.
    const audit = metrics.value('table_estimated_rows', { table: 'hubgw.command_audit' });
    if (onPostgres) expect(audit).toBeGreaterThanOrEqual(-1);
    else expect(audit).toBeGreaterThan(0);
  });
});

describe('retention with AUDIT_RETENTION_DAYS=0', () => {
  const server = useTestServer({ env: { RETENTION_INTERVAL_SECONDS: '1', AUDIT_RETENTION_DAYS: '0' } });

  it('keeps every command forever', async () => {
    await logCommands(server, 3, 3650, 'ancient');
    // A teleport aged past its retention, to know that a round has run since the commands were sent.
    const res = await hubgw(server, 'POST', '/teleport-history/', {
      json: {
        player_uuid: player(2),
        from_world: 'w',
        from_x: 0,
        from_y: 0,
        from_z: 0,
        to_world: 'w',
        to_x: 1,
        to_y: 1,
        to_z: 1,
        tp_type: 'home',
      },
    });
    await server.sql('update hubgw.teleport_history set created_at = ? where id = ?', [daysAgo(40), res.body.id]);
    await prunedReach([server], 'hubgw.teleport_history', 1);
    expect(await countCommands(server, 'ancient')).toBe(3);
  });
});

describe.runIf(onPostgres)('retention on two instances sharing PostgreSQL', () => {
  const instances = useTwoInstances({ RETENTION_INTERVAL_SECONDS: '1' });

  it('removes every old row between them, each counted once', async () => {
    const { first, second } = instances;
    await logCommands(first, OLD_COMMANDS, 100, 'shared');
    const each = await prunedReach([first, second], 'hubgw.command_audit', OLD_COMMANDS);
    expect(each.reduce((sum, n) => sum + n, 0)).toBe(OLD_COMMANDS);
    expect(await countCommands(first, 'shared')).toBe(0);
  });
});

describe.runIf(onPostgres)('a server closed in the middle of a round', () => {
  // The database outlives the pruning server: a second one, which keeps every command, counts what is left.
  const keeper = useTestServer({ env: { AUDIT_RETENTION_DAYS: '0' } });

  it('stops after the batch in flight, leaving the rest for the next round', async () => {
    const rows = 20 * PRUNE_BATCH_ROWS;
    await logCommands(keeper, rows, 100, 'cut');
    const pruning = await startTestServer({
      databaseUrl: keeper.databaseUrl,
      env: { RETENTION_INTERVAL_SECONDS: '1' },
    });
    try {
      await prunedReach([pruning], 'hubgw.command_audit', PRUNE_BATCH_ROWS);
    } finally {
      await pruning.close();
    }
    const left = await countCommands(keeper, 'cut');
    expect(left).toBeGreaterThan(0);
    expect(left % PRUNE_BATCH_ROWS).toBe(0);
  });
});
