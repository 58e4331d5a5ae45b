// `node bench/compiled-queries.ts [rounds] [calls]`: Kysely's CPU per call of the items and homes hot reads, built and
// compiled on every call as they were, against compiled once and replayed (src/database/compiled-once.ts). Each call
// goes through Kysely's executor and the naming plugin as a request's does, on Kysely's DummyDriver (no database: it
// answers no rows), so the figures are Kysely's own; the database's time is the same either way. One compiled query
// run as it is (no values to put in) is the floor: the executor and the plugin alone.
import { performance } from 'node:perf_hooks';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { compiledOnce, type Param } from '#src/database/compiled-once.ts';
import { entityNaming } from '#src/database/entity-naming.ts';
import { closeDatabase, openDatabase } from '#src/database/open.ts';
import { createLogger } from '#src/logger.ts';
import { persistence } from '../persistence.ts';
import type { Database } from '../routers/shared/database.ts';

const rounds = Number(process.argv[2] ?? 5);
const calls = Number(process.argv[3] ?? 20_000);

// The ORM is opened for its metadata, which the naming plugin is made from.
const orm = await openDatabase(
  { kind: 'pglite', dataDir: null, wasmCompiler: 'auto' },
  persistence,
  createLogger('warn'),
);
const metadata = orm.getMetadata();
await closeDatabase(orm);

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
}).withPlugin(entityNaming(metadata));

// The same builds as routers/aurora/items/queries.ts and routers/hubgw/homes/queries.ts.
const item = (kysely: Kysely<Database>, id: number) => kysely.selectFrom('Item').selectAll().where('id', '=', id);
const homes = (kysely: Kysely<Database>, playerUuid: string) =>
  kysely.selectFrom('Home').selectAll().where('playerUuid', '=', playerUuid).orderBy('name');
const itemOnce = compiledOnce((kysely: Kysely<Database>, param: Param<{ id: number }>) => item(kysely, param('id')));
const homesOnce = compiledOnce((kysely: Kysely<Database>, param: Param<{ playerUuid: string }>) =>
  homes(kysely, param('playerUuid')),
);

// The floor: one compiled query run as it is, with no values to put in, is Kysely's executor and the plugin alone.
const itemSeven = item(db, 7).compile();

const PLAYER = '069a79f4-44e9-4726-a5be-fca90e38aaf5';
const variants: [name: string, call: (n: number) => Promise<unknown>][] = [
  ['items, built per call', (n) => item(db, n).executeTakeFirst()],
  ['items, compiled once', (n) => itemOnce.executeTakeFirst(db, { id: n })],
  ['items, executor alone', () => db.executeQuery(itemSeven)],
  ['homes, built per call', () => homes(db, PLAYER).execute()],
  ['homes, compiled once', () => homesOnce.execute(db, { playerUuid: PLAYER })],
];

async function microsPerCall(call: (n: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let n = 0; n < calls; n++) await call(n);
  return ((performance.now() - started) * 1000) / calls;
}

for (const [, call] of variants) await microsPerCall(call);
const figures = new Map(variants.map(([name]) => [name, [] as number[]]));
for (let round = 0; round < rounds; round++) {
  // Interleaved, so that a slower moment of a shared machine falls on every variant alike.
  for (const [name, call] of round % 2 === 0 ? variants : [...variants].reverse())
    figures.get(name)!.push(await microsPerCall(call));
}
process.stdout.write(
  `\nµs per call, ${calls} calls a round, ${rounds} rounds (each round's figure, then the median)\n`,
);
for (const [name, runs] of figures) {
  const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  process.stdout.write(
    `${name.padEnd(24)} ${runs.map((us) => us.toFixed(2).padStart(6)).join(' ')}   ${median.toFixed(2)}\n`,
  );
}
