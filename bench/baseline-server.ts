// The yardstick: a bare node:http + pg server answering the same homes query, with no framework at all.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const HOMES = /^\/api\/v1\/homes\/([0-9a-f-]{36})\/?$/;

interface HomeRow {
  id: string;
  player_uuid: string;
  name: string;
  world: string;
  x: number;
  y: number;
  z: number;
  yaw: number;
  pitch: number;
  is_public: boolean;
  created_at: Date;
  updated_at: Date;
}

const server = createServer(async (req, res) => {
  const match = HOMES.exec(req.url ?? '');
  if (req.method !== 'GET' || !match || req.headers['x-api-key'] !== process.env.SECURITY__API_KEY) {
    res.writeHead(404).end();
    return;
  }
  const { rows } = await pool.query<HomeRow>(
    'select * from hubgw.homes where player_uuid = $1 order by name',
    [match[1]],
  );
  const homes = rows.map((row) => ({ ...row, created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() }));
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ homes, total: homes.length }));
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port: typeof address === 'object' ? address?.port : 0 })}\n`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
