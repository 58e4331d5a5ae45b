// What the benchmark drives: the plugin's and the dashboard's hot paths, each with the request it sends, and the
// data they read. The baseline answers every scenario at its REST path, tRPC ones included.

export const API_KEY = 'bench-api-key';

/** Players seeded for the main table: 3 homes and 3 cooldowns each, so about 10k rows in each hot table. */
export const PLAYERS = 3334;
/** Players the scaling table grows to: about 1M homes and 1M cooldowns. */
export const MANY_PLAYERS = 333_334;
export const USERS = 10_000;
export const MANY_USERS = 1_000_000;

export function playerUuid(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** Rows for players [from, to) and users (fromUser, toUser], written straight to PostgreSQL after the migrations. */
export function seedSql(from: number, to: number, fromUser: number, toUser: number): string[] {
  const uuid = `('00000000-0000-4000-8000-' || lpad(to_hex(p), 12, '0'))::uuid`;
  return [
    `insert into hubgw.homes (id, player_uuid, name, world, x, y, z, yaw, pitch, is_public, created_at, updated_at)
     select gen_random_uuid(), ${uuid}, 'home' || h, 'world', p * 1.5, 64, h * -2.25, 0, 0, h % 2 = 0, now(), now()
     from generate_series(${from}, ${to - 1}) p, generate_series(1, 3) h`,
    `insert into hubgw.cooldowns (id, player_uuid, cooldown_type, expires_at, created_at, updated_at)
     select gen_random_uuid(), ${uuid}, t, now() + (p % 7 - 3) * interval '1 hour', now(), now()
     from generate_series(${from}, ${to - 1}) p, unnest(array['kit|starter', 'teleport', 'heal']) t`,
    `insert into hubgw.punishments (id, player_uuid, player_name, punishment_type, reason, is_active, expires_at, created_at, updated_at)
     select gen_random_uuid(), ${uuid}, 'player' || p, case when p % 2 = 0 then 'ban' else 'warn' end, 'bench', p % 3 <> 0,
            case when p % 5 = 0 then now() - interval '1 day' else null end, now(), now()
     from generate_series(${from}, ${to - 1}) p`,
    `insert into aurora.users (id, username, balance, xp, level, daily_streak, is_active, class_id, settings, created_at, updated_at)
     select (100000000000000000 + u)::text, 'user' || u, (u * 7919) % 1000003, u * 3, u % 100, u % 30, true,
            case when u % 3 = 0 then null else ((u % 10) + 1)::text end, '{}', now(), now()
     from generate_series(${fromUser + 1}::bigint, ${toUser}::bigint) u`,
  ];
}

/** Rows that do not grow with the scaling table. */
export const FIXED_SEED_SQL = [
  `insert into hubgw.warps (id, player_uuid, name, world, x, y, z, yaw, pitch, is_public, description, created_at, updated_at)
   select gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(w % ${PLAYERS}), 12, '0'))::uuid, 'warp-' || w,
          case when w % 3 = 0 then 'nether' else 'world' end, w, 64, -w, 0, 0, w % 4 <> 0, 'bench warp', now(), now()
   from generate_series(0, 1999) w`,
  `insert into aurora.classes (id, name, balance, created_at, updated_at)
   select c::text, 'class-' || c, c * 1000, now(), now() from generate_series(1, 10) c`,
  `insert into aurora.items (name, description, type, rarity, price, created_at, updated_at)
   select 'item-' || i, 'bench item', 'MISC', (array['C','R','SR','SSR'])[i % 4 + 1], i * 10, now(), now()
   from generate_series(1, 1000) i`,
];

export interface Scenario {
  name: string;
  /** REST reads, tRPC-over-HTTP reads and REST writes each have their own throughput goal. */
  kind: 'read' | 'trpc' | 'write';
  method: 'GET' | 'POST';
  /** The i-th request's path, spread over the first `players` seeded players. */
  path: (i: number, players: number) => string;
  /** Where the baseline answers the same request, when not at `path`. */
  baselinePath?: (i: number, players: number) => string;
  body?: (i: number, players: number) => unknown;
}

/** Spreads requests over the seeded players, so the cache never holds just one row. */
const player = (i: number, players: number) => playerUuid((i * 7919) % players);
const trpcInput = (input: unknown) => `input=${encodeURIComponent(JSON.stringify(input))}`;
const COOLDOWN_TYPES = ['kit|starter', 'teleport', 'heal'];

const auditRecord = (i: number, n: number, players: number) => ({
  player_uuid: player(i + n, players),
  player_name: 'Steve',
  command: 'tp',
  arguments: ['Alex', String(n)],
  server: 'survival-1',
});

export const SCENARIOS: Scenario[] = [
  {
    name: 'GET /homes/{player_uuid}',
    kind: 'read',
    method: 'GET',
    path: (i, players) => `/api/v1/homes/${player(i, players)}`,
  },
  {
    name: 'POST /cooldowns/check',
    kind: 'read',
    method: 'POST',
    path: () => '/api/v1/cooldowns/check',
    body: (i, players) => ({ player_uuid: player(i, players), cooldown_type: COOLDOWN_TYPES[i % 3] }),
  },
  {
    name: 'GET /punishments/ban/{uuid}',
    kind: 'read',
    method: 'GET',
    path: (i, players) => `/api/v1/punishments/ban/${player(i, players)}`,
  },
  {
    name: 'POST /warps/list',
    kind: 'read',
    method: 'POST',
    path: () => '/api/v1/warps/list',
    body: (i) => ({ world: i % 2 ? 'world' : 'nether', is_public: true, page: (i % 5) + 1, size: 20 }),
  },
  {
    name: 'GET /api/users (by balance)',
    kind: 'read',
    method: 'GET',
    path: (i) => `/api/users?sortBy=balance&sortOrder=desc&limit=50&offset=${(i % 20) * 50}`,
  },
  { name: 'GET /api/items/:id', kind: 'read', method: 'GET', path: (i) => `/api/items/${(i % 1000) + 1}` },
  {
    name: 'tRPC hubgw.homes.list',
    kind: 'trpc',
    method: 'GET',
    path: (i, players) => `/trpc/hubgw.homes.list?${trpcInput({ player_uuid: player(i, players) })}`,
    baselinePath: (i, players) => `/api/v1/homes/${player(i, players)}`,
  },
  {
    name: 'tRPC hubgw.punishments.banStatus',
    kind: 'trpc',
    method: 'GET',
    path: (i, players) => `/trpc/hubgw.punishments.banStatus?${trpcInput({ player_uuid: player(i, players) })}`,
    baselinePath: (i, players) => `/api/v1/punishments/ban/${player(i, players)}`,
  },
  {
    name: 'tRPC aurora.items.get',
    kind: 'trpc',
    method: 'GET',
    path: (i) => `/trpc/aurora.items.get?${trpcInput({ id: (i % 1000) + 1 })}`,
    baselinePath: (i) => `/api/items/${(i % 1000) + 1}`,
  },
  {
    name: 'POST /cooldowns/ (create)',
    kind: 'write',
    method: 'POST',
    path: () => '/api/v1/cooldowns/',
    body: (i, players) => ({
      player_uuid: player(i, players),
      cooldown_type: `bench-${i % 50}`,
      cooldown_seconds: 60 + (i % 600),
    }),
  },
  {
    name: 'POST /audit/commands (batch of 50)',
    kind: 'write',
    method: 'POST',
    path: () => '/api/v1/audit/commands',
    body: (i, players) => Array.from({ length: 50 }, (_, n) => auditRecord(i, n, players)),
  },
];

/** The reads the scaling table repeats at each connection count and table size. */
export const SCALING_SCENARIOS = [
  'GET /homes/{player_uuid}',
  'POST /cooldowns/check',
  'GET /punishments/ban/{uuid}',
  'GET /api/users (by balance)',
];
export const SCALING_CONNECTIONS = [1, 10, 50, 200];
