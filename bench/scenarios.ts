// What the benchmark drives: the plugin's hot paths, each with the request it sends and the data it reads.

export const API_KEY = 'bench-api-key';
export const PLAYERS = 1000;

export function playerUuid(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

const player = (i: number) => playerUuid((i * 7919) % PLAYERS);

/** Seed rows, written straight to PostgreSQL once the server's migrations have run. */
export const SEED_SQL = [
  `insert into hubgw.homes (id, player_uuid, name, world, x, y, z, yaw, pitch, is_public, created_at, updated_at)
   select gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(p), 12, '0'))::uuid, 'home' || h, 'world',
          p * 1.5, 64, h * -2.25, 0, 0, h % 2 = 0, now(), now()
   from generate_series(0, ${PLAYERS - 1}) p, generate_series(1, 3) h`,
  `insert into hubgw.cooldowns (id, player_uuid, cooldown_type, expires_at, created_at, updated_at)
   select gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(p), 12, '0'))::uuid, t,
          now() + (p % 7 - 3) * interval '1 hour', now(), now()
   from generate_series(0, ${PLAYERS - 1}) p, unnest(array['kit|starter', 'teleport', 'heal']) t`,
  `insert into hubgw.punishments (id, player_uuid, player_name, punishment_type, reason, is_active, expires_at, created_at, updated_at)
   select gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(p), 12, '0'))::uuid, 'player' || p,
          case when p % 2 = 0 then 'ban' else 'warn' end, 'bench', p % 3 <> 0,
          case when p % 5 = 0 then now() - interval '1 day' else null end, now(), now()
   from generate_series(0, ${PLAYERS - 1}) p`,
  `insert into hubgw.warps (id, player_uuid, name, world, x, y, z, yaw, pitch, is_public, description, created_at, updated_at)
   select gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(w % ${PLAYERS}), 12, '0'))::uuid, 'warp-' || w,
          case when w % 3 = 0 then 'nether' else 'world' end, w, 64, -w, 0, 0, w % 4 <> 0, 'bench warp', now(), now()
   from generate_series(0, 1999) w`,
  `insert into aurora.classes (id, name, balance, created_at, updated_at)
   select c::text, 'class-' || c, c * 1000, now(), now() from generate_series(1, 10) c`,
  `insert into aurora.users (id, username, balance, xp, level, daily_streak, is_active, class_id, settings, created_at, updated_at)
   select (100000000000000000 + u)::text, 'user' || u, (u * 7919) % 1000003, u * 3, u % 100, u % 30, true,
          case when u % 3 = 0 then null else ((u % 10) + 1)::text end, '{}', now(), now()
   from generate_series(1, 10000) u`,
  `insert into aurora.items (name, description, type, rarity, price, created_at, updated_at)
   select 'item-' || i, 'bench item', 'MISC', (array['C','R','SR','SSR'])[i % 4 + 1], i * 10, now(), now()
   from generate_series(1, 1000) i`,
];

export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: (i: number) => string;
  body?: (i: number) => unknown;
}

export const SCENARIOS: Scenario[] = [
  { name: 'GET /homes/{player_uuid}', method: 'GET', path: (i) => `/api/v1/homes/${player(i)}` },
  {
    name: 'POST /cooldowns/check',
    method: 'POST',
    path: () => '/api/v1/cooldowns/check',
    body: (i) => ({ player_uuid: player(i), cooldown_type: ['kit|starter', 'teleport', 'heal'][i % 3] }),
  },
  { name: 'GET /punishments/ban/{uuid}', method: 'GET', path: (i) => `/api/v1/punishments/ban/${player(i)}` },
  {
    name: 'POST /warps/list',
    method: 'POST',
    path: () => '/api/v1/warps/list',
    body: (i) => ({ world: i % 2 ? 'world' : 'nether', is_public: true, page: (i % 5) + 1, size: 20 }),
  },
  { name: 'GET /api/users (10k, by balance)', method: 'GET', path: (i) => `/api/users?sortBy=balance&sortOrder=desc&limit=50&offset=${(i % 20) * 50}` },
  { name: 'GET /api/items/:id', method: 'GET', path: (i) => `/api/items/${(i % 1000) + 1}` },
];
