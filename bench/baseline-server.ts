// The yardstick: a bare node:http + pg server answering the benchmark's requests with the same queries and the
// same response shapes, and no framework, validation or logging at all.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const HOME = 'id, player_uuid, name, world, x, y, z, yaw, pitch, is_public, created_at, updated_at';
const WARP = 'id, player_uuid, name, world, x, y, z, yaw, pitch, is_public, description, created_at, updated_at';
const PUNISHMENT =
  'id, player_uuid, player_name, player_ip, punishment_type, reason, staff_uuid, staff_name, expires_at, ' +
  '(is_active and (expires_at is null or expires_at > now())) as is_active, revoked_at, revoked_by, revoked_reason, evidence_url, notes, created_at, updated_at';

type Row = Record<string, unknown>;

function isoDates(row: Row): Row {
  for (const [key, value] of Object.entries(row)) if (value instanceof Date) row[key] = value.toISOString();
  return row;
}

function readJson<T = Row>(req: IncomingMessage): Promise<T> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(JSON.parse(text || '{}') as T));
  });
}

function send(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const AUDIT_COLUMNS = 7;

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '';
  const homesOf = /^\/api\/v1\/homes\/([0-9a-f-]{36})$/.exec(url);
  if (homesOf) {
    const { rows } = await pool.query(`select ${HOME} from hubgw.homes where player_uuid = $1 order by name`, [
      homesOf[1],
    ]);
    return send(res, { homes: rows.map(isoDates), total: rows.length });
  }
  const banOf = /^\/api\/v1\/punishments\/ban\/([0-9a-f-]{36})$/.exec(url);
  if (banOf) {
    const { rows } = await pool.query(
      `select ${PUNISHMENT} from hubgw.punishments where player_uuid = $1 and punishment_type in ('ban', 'ip_ban')
       and is_active and (expires_at is null or expires_at > now()) order by created_at desc limit 1`,
      [banOf[1]],
    );
    return send(res, { is_banned: rows.length > 0, punishment: rows[0] ? isoDates(rows[0]) : null });
  }
  if (url === '/api/v1/cooldowns/check') {
    const body = await readJson(req);
    const { rows } = await pool.query<{ expires_at: Date }>(
      'select expires_at from hubgw.cooldowns where player_uuid = $1 and cooldown_type = $2 and expires_at > now()',
      [body.player_uuid, body.cooldown_type],
    );
    const expires = rows[0]?.expires_at;
    return send(
      res,
      expires
        ? {
            is_active: true,
            expires_at: expires.toISOString(),
            remaining_seconds: Math.ceil((expires.getTime() - Date.now()) / 1000),
          }
        : { is_active: false, expires_at: null, remaining_seconds: 0 },
    );
  }
  if (url === '/api/v1/cooldowns/') {
    const body = await readJson(req);
    const now = new Date();
    await pool.query(
      `insert into hubgw.cooldowns (id, player_uuid, cooldown_type, expires_at, data, created_at, updated_at) values ($1, $2, $3, $4, null, $5, $5)
       on conflict (player_uuid, cooldown_type) do update set expires_at = excluded.expires_at, data = excluded.data, updated_at = excluded.updated_at`,
      [
        crypto.randomUUID(),
        body.player_uuid,
        body.cooldown_type,
        new Date(now.getTime() + Number(body.cooldown_seconds) * 1000),
        now,
      ],
    );
    return send(res, { message: 'Cooldown created successfully' }, 201);
  }
  if (url === '/api/v1/audit/commands') {
    const records = ([] as Row[]).concat(await readJson<Row | Row[]>(req));
    const now = new Date();
    const values = records.map(
      (_, k) => `(${Array.from({ length: AUDIT_COLUMNS }, (_, c) => `$${k * AUDIT_COLUMNS + c + 1}`).join(', ')})`,
    );
    const params = records.flatMap((r) => [
      r.player_uuid,
      r.player_name,
      r.command,
      JSON.stringify(r.arguments ?? []),
      r.server,
      now,
      now,
    ]);
    await pool.query(
      `insert into hubgw.command_audit (player_uuid, player_name, command, arguments, server, executed_at, created_at) values ${values.join(', ')}`,
      params,
    );
    return send(res, { accepted: records.length }, 202);
  }
  if (url === '/api/v1/warps/list') {
    const body = await readJson(req);
    const page = Number(body.page ?? 1);
    const size = Number(body.size ?? 20);
    const { rows } = await pool.query(
      `select ${WARP}, count(*) over () as total from hubgw.warps where world = $1 and is_public = $2
       order by lower(name), id limit $3 offset $4`,
      [body.world, body.is_public, size, (page - 1) * size],
    );
    const total = Number(rows[0]?.total ?? 0);
    return send(res, {
      warps: rows.map(({ total: _total, ...warp }) => isoDates(warp)),
      total,
      page,
      size,
      pages: Math.ceil(total / size),
    });
  }
  const usersPage = /^\/api\/users\?sortBy=balance&sortOrder=desc&limit=(\d+)&offset=(\d+)$/.exec(url);
  if (usersPage) {
    const { rows } = await pool.query(
      `select u.id, u.username, u.balance::text as balance, u.xp::text as xp, u.level, u.daily_streak, u.is_active, u.class_id,
              c.name as class_name, c.balance::text as class_balance, u.settings, u.created_at, u.updated_at
       from aurora.users u left join aurora.classes c on c.id = u.class_id order by u.balance desc, u.id desc limit $1 offset $2`,
      [Number(usersPage[1]), Number(usersPage[2])],
    );
    const total = await pool.query<{ count: string }>(
      `select row_count as count from aurora.row_counts where table_name = 'users'`,
    );
    const users = rows.map((row) => ({
      id: row.id,
      username: row.username,
      balance: row.balance,
      xp: row.xp,
      level: row.level,
      dailyStreak: row.daily_streak,
      isActive: row.is_active,
      classId: row.class_id,
      class: row.class_id ? { id: row.class_id, name: row.class_name, balance: row.class_balance } : null,
      settings: row.settings,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }));
    return send(res, { users, total: Number(total.rows[0]!.count) });
  }
  const itemOf = /^\/api\/items\/(\d+)$/.exec(url);
  if (itemOf) {
    const { rows } = await pool.query(
      `select id, name, description, type, rarity, price::text as price, icon_url as "iconUrl", image_url as "imageUrl", usage_data as "usageData"
       from aurora.items where id = $1`,
      [Number(itemOf[1])],
    );
    return send(res, rows[0]);
  }
  res.writeHead(404).end();
}

const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/v1/') && req.headers['x-api-key'] !== process.env.SECURITY__API_KEY) {
    res.writeHead(401).end();
    return;
  }
  handle(req, res).catch(() => res.writeHead(500).end());
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ msg: 'listening', port: typeof address === 'object' ? address?.port : 0 })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
