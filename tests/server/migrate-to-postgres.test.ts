// `npm run migrate-to-postgres`, as an operator runs it: a server on the embedded database is filled through both
// APIs and stopped, the script copies DATA_DIR's database into an empty PostgreSQL one, and a server on PostgreSQL then
// answers every read as before, goes on numbering where the embedded one stopped, and resumes a dashboard's live
// events with no gap and no duplicate. The script refuses a target that is not empty, and a DATA_DIR a server owns.
// The source is always the embedded database, so the suite on PostgreSQL leaves this file out rather than run it
// twice; the target is a database of its own on the PostgreSQL server that suite uses.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moderationExamples } from '#routers/aurora/moderation/examples.ts';
import { questsExamples } from '#routers/aurora/quests/examples.ts';
import { auditExamples } from '#routers/hubgw/audit/examples.ts';
import { cooldownsExamples } from '#routers/hubgw/cooldowns/examples.ts';
import { homesExamples } from '#routers/hubgw/homes/examples.ts';
import { kitsExamples } from '#routers/hubgw/kits/examples.ts';
import { luckpermsExamples } from '#routers/hubgw/luckperms/examples.ts';
import { punishmentsExamples } from '#routers/hubgw/punishments/examples.ts';
import { teleportHistoryExamples } from '#routers/hubgw/teleport-history/examples.ts';
import { usersExamples as linkExamples } from '#routers/hubgw/users/examples.ts';
import { warpsExamples } from '#routers/hubgw/warps/examples.ts';
import { whitelistExamples } from '#routers/hubgw/whitelist/examples.ts';
import { IMAGES } from '../fixtures/images.ts';
import { onPostgres, queryDatabase } from '../support/database.ts';
import { collect, liveClient } from '../support/live.ts';
import { runServerProcess } from '../support/process.ts';
import { hubgw, request, startTestServer, type TestServer, testClock } from '../support/server.ts';

const POSTGRES = new URL(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const PLAYER = '8667ba71-b85a-4004-af54-457a9734eed7';

/** An empty database of its own on the PostgreSQL server, and how to drop it. */
async function emptyDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `migrate_${label}_${process.pid}_${Date.now()}`;
  await queryDatabase(POSTGRES.toString(), `create database "${name}"`);
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => queryDatabase(POSTGRES.toString(), `drop database if exists "${name}" with (force)`).then(() => {}),
  };
}

/** Runs the npm script with DATA_DIR and no DATABASE_URL, as an operator would; its exit code and output. */
function migrate(dataDir: string, targetUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _, TEST_DATABASE_URL: __, ...env } = process.env;
  const child = spawn('npm', ['run', '--silent', 'migrate-to-postgres', '--', targetUrl], {
    env: { ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

function multipartItem(fields: Record<string, unknown>): FormData {
  const body = new FormData();
  body.append('data', JSON.stringify(fields));
  body.append('image', new Blob([IMAGES.png], { type: 'image/png' }), 'icon.png');
  return body;
}

interface Filled {
  /** The first item, whose image is read back. */
  itemId: number;
  luckpermsUuid: string;
}

/** Fills both families through their APIs. */
async function fill(server: TestServer): Promise<Filled> {
  const ok = (response: { status: number; text: string }, what: string) => {
    if (response.status >= 300) throw new Error(`${what} answered ${response.status}: ${response.text}`);
  };
  ok(await request(server, 'POST', '/api/classes', { json: { id: '2', name: 'Mage', roleId: '987654321' } }), 'class');
  for (const [id, username] of [
    ['123456789012345678', 'Player1'],
    ['876543210987654321', 'Player2'],
  ])
    ok(
      await request(server, 'POST', '/api/users', {
        json: { id, username, balance: '9007199254740993', xp: '500', level: 5, classId: '2' },
      }),
      'user',
    );
  ok(
    await request(server, 'PUT', '/api/users/123456789012345678', { json: { balance: '9007199254740995' } }),
    'balance',
  );
  const itemIds: number[] = [];
  for (const name of ['Health Potion', 'Mana Potion']) {
    const created = await fetch(`${server.url}/api/items`, {
      method: 'POST',
      body: multipartItem({ name, description: 'Restores', type: 'CONSUMABLE', rarity: 'C', price: '100' }),
    });
    const text = await created.text();
    ok({ status: created.status, text }, 'item');
    itemIds.push((JSON.parse(text) as { item: { id: number } }).item.id);
  }
  ok(
    await request(server, 'POST', '/api/users/123456789012345678/inventory', {
      json: { itemId: itemIds[0], quantity: '3' },
    }),
    'inventory',
  );
  for (let i = 0; i < 3; i++)
    ok(await request(server, 'POST', '/api/moderation', { json: moderationExamples.create.request }), 'case');
  ok(await request(server, 'POST', '/api/quests', { json: questsExamples.create.request }), 'quest');
  ok(await request(server, 'POST', '/api/settings', { json: { economy: { daily: { amount: '250' } } } }), 'settings');
  ok(await hubgw(server, 'PUT', '/homes/', { json: homesExamples.upsert.request }), 'home');
  ok(await hubgw(server, 'PUT', '/kits/', { json: kitsExamples.upsert.request }), 'kit');
  ok(await hubgw(server, 'POST', '/kits/claim', { json: kitsExamples.claim.request }), 'claim');
  ok(await hubgw(server, 'POST', '/cooldowns/', { json: cooldownsExamples.create.request }), 'cooldown');
  ok(await hubgw(server, 'POST', '/warps/', { json: warpsExamples.create.request }), 'warp');
  ok(await hubgw(server, 'POST', '/whitelist/add', { json: whitelistExamples.add.request }), 'whitelist');
  ok(await hubgw(server, 'POST', '/punishments/', { json: punishmentsExamples.create.request }), 'punishment');
  ok(await hubgw(server, 'POST', '/audit/commands', { json: auditExamples.logCommands.request }), 'audit');
  const player = await hubgw(server, 'POST', '/luckperms/players', { json: luckpermsExamples.createPlayer.request });
  ok(player, 'player');
  ok(await hubgw(server, 'POST', '/teleport-history/', { json: teleportHistoryExamples.create.request }), 'teleport');
  ok(await hubgw(server, 'PUT', '/users/users/Steve/game-id', { json: linkExamples.linkGameId.request }), 'link');
  return { itemId: itemIds[0]!, luckpermsUuid: player.body.uuid };
}

type Read = [method: string, path: string, body?: unknown];

function reads({ itemId, luckpermsUuid }: Filled): Read[] {
  return [
    ['GET', '/api/users'],
    ['GET', '/api/users/123456789012345678'],
    ['GET', '/api/classes'],
    ['GET', '/api/items'],
    ['GET', `/api/items/${itemId}`],
    ['GET', '/api/users/123456789012345678/inventory'],
    ['GET', '/api/moderation'],
    ['GET', '/api/moderation/CASE-0002'],
    ['GET', '/api/transactions'],
    ['GET', '/api/quests'],
    ['GET', '/api/settings'],
    ['GET', `/api/v1/homes/${PLAYER}`],
    ['POST', '/api/v1/homes/get', { player_uuid: PLAYER, name: 'home' }],
    ['GET', '/api/v1/kits/'],
    ['POST', '/api/v1/cooldowns/check', { player_uuid: PLAYER, cooldown_type: 'rtp' }],
    ['POST', '/api/v1/cooldowns/check', { player_uuid: PLAYER, cooldown_type: 'kit|starter' }],
    ['POST', '/api/v1/warps/list', {}],
    ['POST', '/api/v1/warps/get', { name: 'spawn' }],
    ['GET', '/api/v1/whitelist/'],
    ['GET', '/api/v1/whitelist/count'],
    ['POST', '/api/v1/punishments/query', { player_uuid: PLAYER }],
    ['GET', `/api/v1/punishments/ban/${PLAYER}`],
    ['GET', `/api/v1/luckperms/players/username/${luckpermsExamples.createPlayer.request.username}`],
    ['GET', '/api/v1/luckperms/groups/default'],
    ['GET', `/api/v1/luckperms/players/${luckpermsUuid}/with-permissions`],
    ['GET', `/api/v1/teleport-history/players/${PLAYER}`],
    ['GET', '/api/v1/users/users/Steve/game-id'],
  ];
}

/** Every read's status and body, and the item image's bytes with their headers, keyed by the request. */
async function answers(server: TestServer, filled: Filled): Promise<Record<string, unknown>> {
  const { itemId } = filled;
  const answered: Record<string, unknown> = {};
  for (const [method, path, body] of reads(filled)) {
    const response = path.startsWith('/api/v1')
      ? await hubgw(server, method, path.slice('/api/v1'.length), body === undefined ? {} : { json: body })
      : await request(server, method, path, body === undefined ? {} : { json: body });
    answered[`${method} ${path} ${JSON.stringify(body ?? null)}`] = { status: response.status, body: response.text };
  }
  const image = await fetch(`${server.url}/assets/items/${itemId}.png`);
  answered[`GET /assets/items/${itemId}.png`] = {
    status: image.status,
    type: image.headers.get('content-type'),
    etag: image.headers.get('etag'),
    bytes: Buffer.from(await image.arrayBuffer()).toString('base64'),
  };
  return answered;
}

interface LiveEvent {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
}

function auroraEvents(server: TestServer, lastEventId: string | undefined, count: number) {
  const client = liveClient(server);
  const events = collect<LiveEvent>(
    (handlers) =>
      client.trpc.aurora.live.events.subscribe(lastEventId === undefined ? undefined : { lastEventId }, {
        onStarted: handlers.onStarted,
        onData: ({ data }) => handlers.onData(data as LiveEvent),
        onError: handlers.onError,
      }),
    count,
  );
  return Object.assign(
    events.finally(() => client.close()),
    { started: events.started },
  );
}

describe.skipIf(onPostgres)('npm run migrate-to-postgres', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'game-backend-migrate-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('copies everything: the same reads, numbering that follows on, and live events resumed with no gap', async () => {
    const clock = testClock();
    const embedded = await startTestServer({ dataDir, clock: clock.read, env: { DATABASE_URL: undefined } });
    let filled: Filled;
    let before: Record<string, unknown>;
    let lastSeen: string;
    let missed: LiveEvent[];
    let lastItemId: number;
    try {
      filled = await fill(embedded);
      // A dashboard sees two changes and then goes away; two more happen while it is gone.
      const seen = auroraEvents(embedded, undefined, 2);
      await seen.started;
      for (const level of [6, 7]) await request(embedded, 'PUT', '/api/users/876543210987654321', { json: { level } });
      lastSeen = (await seen).at(-1)!.id;
      for (const level of [8, 9]) await request(embedded, 'PUT', '/api/users/876543210987654321', { json: { level } });
      missed = await auroraEvents(embedded, lastSeen, 2);
      lastItemId = (await request(embedded, 'GET', '/api/items')).body.items.reduce(
        (most: number, item: { id: number }) => Math.max(most, item.id),
        0,
      );
      before = await answers(embedded, filled);
      // Each read finds what the fill made, so that a copy missing it could not answer alike by a 404 on both sides.
      const statuses = Object.values(before).map((answer) => (answer as { status: number }).status);
      expect(statuses).toEqual(statuses.map(() => 200));
    } finally {
      await embedded.close();
    }

    const target = await emptyDatabase('round_trip');
    try {
      const migrated = await migrate(dataDir, target.url);
      expect(migrated.stderr).toBe('');
      expect(migrated.code).toBe(0);

      const onPostgresNow = await startTestServer({ dataDir, clock: clock.read, databaseUrl: target.url });
      try {
        expect(await answers(onPostgresNow, filled)).toEqual(before);

        // The dashboard comes back with its last id: the two it missed, then what happens next, once each.
        const resumed = auroraEvents(onPostgresNow, lastSeen, 3);
        await resumed.started;
        const opened = await request(onPostgresNow, 'POST', '/api/moderation', {
          json: moderationExamples.create.request,
        });
        expect(opened.status).toBe(201);
        expect(opened.body.case.caseId).toBe('CASE-0004');
        const created = await request(onPostgresNow, 'POST', '/api/items', {
          json: { name: 'Elixir', type: 'CONSUMABLE', rarity: 'R', price: '5' },
        });
        expect(created.status).toBe(201);
        expect(created.body.item.id).toBe(lastItemId + 1);
        const events = await resumed;
        expect(events.slice(0, 2)).toEqual(missed);
        expect(events[2]!.type).toBe('moderation.create');
        expect(BigInt(events[2]!.id)).toBeGreaterThan(BigInt(missed.at(-1)!.id));
      } finally {
        await onPostgresNow.close();
      }
    } finally {
      await target.drop();
    }
  }, 120_000);

  it('refuses a target that holds anything, and writes nothing to it', async () => {
    const target = await emptyDatabase('not_empty');
    try {
      await queryDatabase(target.url, 'create table notes (id int primary key)');
      const migrated = await migrate(dataDir, target.url);
      expect(migrated.code).toBe(1);
      expect(migrated.stderr).toBe('the target database is not empty: it holds public.notes; give an empty database\n');
      const relations = await queryDatabase<{ name: string }>(
        target.url,
        `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname <> 'information_schema' and left(n.nspname, 3) <> 'pg_' order by 1`,
      );
      expect(relations).toEqual([{ name: 'public.notes' }, { name: 'public.notes_pkey' }]);
    } finally {
      await target.drop();
    }
  }, 60_000);

  it('refuses while a server owns DATA_DIR, in one line naming it', async () => {
    const server = runServerProcess({ DATABASE_URL: undefined, DATA_DIR: dataDir, SECURITY__API_KEY: 'owner-key' });
    const target = await emptyDatabase('owned');
    try {
      await server.waitForLog('listening', 60_000);
      const migrated = await migrate(dataDir, target.url);
      expect(migrated.code).toBe(1);
      expect(migrated.stderr).toBe(
        `DATA_DIR ${dataDir} is in use by process ${server.child.pid}; stop it, or give this server another DATA_DIR\n`,
      );
      expect(
        await queryDatabase(target.url, 'select 1 from pg_class where relname = $1', ['mikro_orm_migrations']),
      ).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await target.drop();
    }
  }, 90_000);
});
