// HubGW's command audit, as the HubGW API document describes it.
import { describe, expect, it } from 'vitest';
import { hubgw, useTestServer, testClock } from '../support/server.ts';

const clock = testClock();
const server = useTestServer({ clock: clock.read });

const PLAYER = '069a79f4-44e9-4726-a5be-fca90e38aaf5';
const command = {
  player_uuid: PLAYER,
  player_name: 'Steve',
  command: 'tp',
  arguments: ['Alex', '~', '64'],
  server: 'survival-1',
  timestamp: '2029-12-31T23:59:59.000Z',
};

describe('POST /audit/commands', () => {
  it('accepts one record: 202 {accepted: 1}, and stores it', async () => {
    const res = await hubgw(server, 'POST', '/audit/commands', { json: command });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 1 });
    const rows = await server.sql<{ command: string; arguments: string[]; executed_at: string }>(
      'select command, arguments, executed_at from hubgw.command_audit where player_uuid = ?',
      [PLAYER],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ command: 'tp', arguments: ['Alex', '~', '64'] });
  });

  it('accepts a batch of up to 1000', async () => {
    const player = crypto.randomUUID();
    const batch = Array.from({ length: 1000 }, (_, i) => ({ ...command, player_uuid: player, command: `cmd${i}` }));
    const res = await hubgw(server, 'POST', '/audit/commands', { json: batch });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 1000 });
    expect(await server.sql('select 1 from hubgw.command_audit where player_uuid = ?', [player])).toHaveLength(1000);
  });

  it('stores every record of a batch exactly, quotes, backslashes, braces and commas included, each with its own time', async () => {
    const player = crypto.randomUUID();
    const hostile = ['say "hi"', 'C:\\temp\\x', "it's", '{a,b}', 'NULL', '', 'ünï ☃', '\\"}'];
    const batch = hostile.map((argument, i) => ({
      ...command,
      player_uuid: player,
      player_name: `Steve${i}`,
      command: `cmd "${argument}"`,
      arguments: [argument, String(i)],
      timestamp: new Date(Date.UTC(2029, 0, 1, 0, 0, i)).toISOString(),
    }));
    const res = await hubgw(server, 'POST', '/audit/commands', { json: batch });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: hostile.length });
    const rows = await server.sql<{ player_name: string; command: string; arguments: string[]; executed_ms: number }>(
      `select player_name, command, arguments, extract(epoch from executed_at)::float8 * 1000 as executed_ms
       from hubgw.command_audit where player_uuid = ? order by executed_at`,
      [player],
    );
    expect(rows.map((row) => ({ ...row, executed_ms: Number(row.executed_ms) }))).toEqual(
      batch.map((record) => ({
        player_name: record.player_name,
        command: record.command,
        arguments: record.arguments,
        executed_ms: Date.parse(record.timestamp),
      })),
    );
  });

  it('refuses an empty batch, one over 1000, or one bad record, and stores none of it', async () => {
    const player = crypto.randomUUID();
    const tooMany = Array.from({ length: 1001 }, () => ({ ...command, player_uuid: player }));
    const oneBad = [
      { ...command, player_uuid: player },
      { ...command, player_uuid: player, command: '' },
    ];
    for (const json of [[], tooMany, oneBad]) {
      const res = await hubgw(server, 'POST', '/audit/commands', { json });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_error');
    }
    expect(await server.sql('select 1 from hubgw.command_audit where player_uuid = ?', [player])).toHaveLength(0);
  });
});
