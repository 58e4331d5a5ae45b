// Weighs time-partitioning hubgw.command_audit (#29): the same batch insert the audit route makes (50 commands through
// unnest), timed on a plain table and on one partitioned by day, interleaved in one run on a scratch PostgreSQL
// database so both see the same machine. Both start with the same rows spread over 90 days and the same indexes
// (the player's, and executed_at's for retention). It also times what retention costs on each: deleting a day's rows
// in batches against detaching and dropping that day's partition.
//   node bench/audit-partitioning.ts [batches=2000] [prefill=900000]
import pg from 'pg';
import { withScratchDatabase } from '../scripts/scratch-database.ts';

const BATCHES = Number(process.argv[2] ?? 2000);
const PREFILL = Number(process.argv[3] ?? 900_000);
const BATCH_SIZE = 50;
const DAYS = 90;
const DAY_MS = 86_400_000;

const columns = `"player_uuid" uuid not null, "player_name" varchar(64) not null, "command" text not null,
  "arguments" jsonb not null, "server" varchar(64) not null, "executed_at" timestamptz not null,
  "created_at" timestamptz not null`;

function dayStart(daysAgo: number): Date {
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return new Date(today - daysAgo * DAY_MS);
}

function setup(): string[] {
  const statements = [
    `create table plain ("id" bigserial primary key, ${columns})`,
    'create index on plain (player_uuid)',
    'create index on plain (executed_at)',
    `create table parted ("id" bigserial, ${columns}, primary key (id, executed_at)) partition by range (executed_at)`,
    'create index on parted (player_uuid)',
    'create index on parted (executed_at)',
  ];
  for (let day = DAYS; day >= -1; day--) {
    statements.push(
      `create table parted_${day + 1} partition of parted for values from ('${dayStart(day).toISOString()}') to ('${dayStart(day - 1).toISOString()}')`,
    );
  }
  return statements;
}

const prefillSql = (
  table: string,
) => `insert into ${table} (player_uuid, player_name, command, arguments, server, executed_at, created_at)
  select md5(i::text)::uuid, 'player' || (i % 5000), 'home', '["base"]'::jsonb, 'survival',
    now() - (i::double precision / ${PREFILL}) * interval '${DAYS} days', now()
  from generate_series(1, ${PREFILL}) i`;

const insertSql = (
  table: string,
) => `insert into ${table} (player_uuid, player_name, command, arguments, server, executed_at, created_at)
  select *, $7::timestamptz from unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::timestamptz[])`;

function batchValues(): unknown[] {
  const now = new Date();
  const uuids = Array.from({ length: BATCH_SIZE }, () => crypto.randomUUID());
  return [
    uuids,
    uuids.map((_, i) => `player${i}`),
    uuids.map(() => 'home'),
    uuids.map(() => JSON.stringify(['base'])),
    uuids.map(() => 'survival'),
    uuids.map(() => now),
    now,
  ];
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { mean, p50: at(0.5), p99: at(0.99) };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

await withScratchDatabase('bench_audit_partitioning', async (url) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of setup()) await client.query(statement);
    await client.query(prefillSql('plain'));
    await client.query(prefillSql('parted'));
    await client.query('vacuum analyze plain');
    await client.query('vacuum analyze parted');
    const times = { plain: [] as number[], parted: [] as number[] };
    const insert = (table: 'plain' | 'parted') =>
      client.query({ name: `insert_${table}`, text: insertSql(table), values: batchValues() });
    for (let i = 0; i < 100; i++) {
      await insert('plain');
      await insert('parted');
    }
    for (let i = 0; i < BATCHES; i++) {
      // Alternating which goes first, so neither always follows the other's writes.
      const order: ('plain' | 'parted')[] = i % 2 === 0 ? ['plain', 'parted'] : ['parted', 'plain'];
      for (const table of order) times[table].push(await timed(() => insert(table)));
    }
    const plain = summary(times.plain);
    const parted = summary(times.parted);
    const show = (s: ReturnType<typeof summary>) =>
      `mean ${s.mean.toFixed(3)} ms, p50 ${s.p50.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms`;
    console.log(`insert of ${BATCH_SIZE} commands, ${BATCHES} batches each, ${PREFILL} rows before`);
    console.log(`  plain:       ${show(plain)}`);
    console.log(`  partitioned: ${show(parted)}`);
    console.log(
      `  ratio partitioned/plain: mean ${(parted.mean / plain.mean).toFixed(3)}, p50 ${(parted.p50 / plain.p50).toFixed(3)}, p99 ${(parted.p99 / plain.p99).toFixed(3)}`,
    );

    // Retention of the oldest day: batches of 1000 by ctid on the plain table, one partition dropped on the other.
    const cutoff = dayStart(DAYS - 1);
    let deleted = 0;
    let batches = 0;
    const deleteMs = await timed(async () => {
      for (;;) {
        const result = await client.query(
          `delete from plain where ctid = any(array(select ctid from plain where executed_at < $1 order by executed_at limit 1000))`,
          [cutoff],
        );
        batches++;
        deleted += result.rowCount ?? 0;
        if ((result.rowCount ?? 0) < 1000) break;
      }
    });
    const dropMs = await timed(async () => {
      await client.query(`alter table parted detach partition parted_${DAYS + 1}`);
      await client.query(`drop table parted_${DAYS + 1}`);
    });
    console.log(
      `retention of one day (${deleted} rows): ${batches} delete batches ${deleteMs.toFixed(1)} ms in all (${(deleteMs / batches).toFixed(2)} ms each); detach and drop a partition ${dropMs.toFixed(1)} ms`,
    );
  } finally {
    await client.end();
  }
});
