// A typed query built and compiled once per call site, then run with new values. Built per call, a hot read paid
// Kysely's builder, its freezing, every plugin's transformQuery and the compiler for the same SQL text each time.
//
// Not kysely-params (jtlapp/kysely-params 0.3.14, written for Kysely 0.24), which does the same: the compiled
// query it runs is a new object without the `queryId` that Kysely 0.29 hands each plugin's transformResult, and the
// naming plugin (entity-naming.ts) finds how to read a query's rows by that id, so its rows came back unnamed.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * Stands in the builder where the named value goes, typed as that value: `where('id', '=', param('id'))`. It is a
 * placeholder, not the value: a build that reads it (a condition, a list's length) reads the placeholder, and one
 * that uses the same name both as a bound value and so would be replayed as it was first built, without an error.
 */
export type Param<Params> = <Name extends keyof Params & string>(name: Name) => Params[Name];

class Placeholder {
  readonly name: string;

  constructor(name: string) {
    this.name = name;
  }
}

interface Compiled<Row> {
  query: CompiledQuery<Row>;
  /** Per parameter of the SQL, the named value it takes, or undefined for a value fixed in the build. */
  slots: (string | undefined)[];
}

/**
 * Compiled queries by what made them: the Kysely's adapter (its dialect), then each of its plugins in turn. The SQL
 * text depends on both, and a plugin may keep per-query state for its transformResult (the naming plugin does), so a
 * query compiled through one ORM's plugin is never replayed on another's (two servers in one process, in tests).
 * The Kyselys of one ORM (the pool's, each transaction's) share them, so a call site compiles once per ORM.
 */
class Level<Row> {
  readonly #next = new WeakMap<object, Level<Row>>();
  compiled: Compiled<Row> | undefined;

  step(key: object): Level<Row> {
    let next = this.#next.get(key);
    if (!next) {
      next = new Level();
      this.#next.set(key, next);
    }
    return next;
  }
}

export interface CompiledOnce<DB, Params, Row> {
  execute(db: Kysely<DB>, params: Params): Promise<Row[]>;
  executeTakeFirst(db: Kysely<DB>, params: Params): Promise<Row | undefined>;
}

function compile<DB, Params, Row>(
  db: Kysely<DB>,
  build: (db: Kysely<DB>, param: Param<Params>) => Compilable<Row>,
): Compiled<Row> {
  const named = new Set<string>();
  const query = build(db, (name) => {
    named.add(name);
    return new Placeholder(name) as never;
  }).compile();
  const slots = query.parameters.map((value) => (value instanceof Placeholder ? value.name : undefined));
  // A name that reached no parameter was used as a value in the build itself (a condition, a list's length), or a
  // plugin replaced it: a replay would silently ignore it.
  for (const name of named) {
    if (!slots.includes(name)) throw new Error(`parameter '${name}' is not a bound value of the compiled query`);
  }
  return { query, slots };
}

/**
 * The query `build` writes, compiled on its first run on a Kysely and replayed with new values after. Values go to
 * the driver as given, as bound parameters: no plugin's transformQuery sees them again. A list's length is part of
 * the SQL, so `in` takes a list fixed in the build (one query per list), not a parameter.
 */
export function compiledOnce<DB, Params, Row>(
  build: (db: Kysely<DB>, param: Param<Params>) => Compilable<Row>,
): CompiledOnce<DB, Params, Row> {
  const byMaker = new Level<Row>();

  function compiledFor(db: Kysely<DB>): Compiled<Row> {
    const executor = db.getExecutor();
    let level = byMaker.step(executor.adapter);
    for (const plugin of executor.plugins) level = level.step(plugin);
    level.compiled ??= compile(db, build);
    return level.compiled;
  }

  async function execute(db: Kysely<DB>, params: Params): Promise<Row[]> {
    const { query, slots } = compiledFor(db);
    const parameters = slots.map((name, at) =>
      name === undefined ? query.parameters[at] : params[name as keyof Params],
    );
    // The same queryId as the compiled query's: plugins know the query's result by it.
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  }

  return {
    execute,
    async executeTakeFirst(db, params) {
      return (await execute(db, params))[0];
    },
  };
}
