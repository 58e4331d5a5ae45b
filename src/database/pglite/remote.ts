// PGlite in a process of its own, behind the part of PGlite's interface that MikroORM's Kysely dialect uses. Once
// watched, a statement that does not answer within the hang limit (PGlite spinning after a failed WAL write, say)
// gets the process killed and a new one started on the same data; meanwhile every call fails at once as unavailable.
// A process, not a thread: a kill always ends it, and tearing down a thread that held PGlite's WebAssembly could
// crash the whole server in V8.
import { type ChildProcess, fork } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../logger.ts';
import { type FromChild, receivedError, type ToChild } from './protocol.ts';
import { copyTemplate, holdsCluster } from './template.ts';
import type { WasmCompiler } from './wasm-compiler.ts';

interface QueryResult {
  rows: unknown[];
  affectedRows: number | undefined;
}

/** An answer of the process that is not an error: a statement's rows, or a dump's size. */
type Answer = Extract<FromChild, { id: number; rows: unknown[] } | { id: number; dumpedBytes: number }>;

interface Pending {
  resolve(answer: Answer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
}

interface Transaction {
  query(sql: string, params?: unknown[]): Promise<QueryResult>;
}

export interface RemotePgliteOptions {
  /** A folder, or null for memory. */
  dataDir: string | null;
  log: Logger;
  /** How V8 compiles PGlite's WebAssembly in the serving process. */
  wasmCompiler: WasmCompiler;
}

const CHILD_PATH = fileURLToPath(new URL('./child.ts', import.meta.url));
/**
 * PGlite's WebAssembly on V8's baseline compiler only. Tiering hot functions up to the optimising compiler takes
 * about 500 MB for a few seconds after a start (a 1,071 MB high-water mark against 351 MB resident).
 */
const BASELINE_COMPILER_ONLY = ['--no-wasm-tier-up', '--no-wasm-dynamic-tiering'];
/**
 * The serving process's memory: a 1 MB young generation (rows pass through it once, on their way to the server) and
 * one malloc arena (PGlite allocates from one thread; more arenas only keep freed memory resident). Fixed malloc
 * thresholds (`MALLOC_TRIM_THRESHOLD_`, `MALLOC_MMAP_THRESHOLD_` at 128 KB) gave the optimising compiler's transient
 * back (48 MB less idle) but cost up to half the throughput of a small read (BENCHMARKS.md, #24 third round).
 */
const SMALL_HEAP = ['--max-semi-space-size=1'];
export const CHILD_ENV = { MALLOC_ARENA_MAX: '1' };

/**
 * Node flags of the process that serves. A larger tiering budget (`--wasm-tiering-budget`, 100× V8's) or fewer
 * optimisations (no inlining, loop peeling or unrolling; one compilation task) left the transient at 700 MB: it is
 * the optimising compilation of PGlite's largest hot function, whichever tier-up reaches it.
 */
export function servingFlags(compiler: WasmCompiler): string[] {
  return [...(compiler === 'baseline' ? BASELINE_COMPILER_ONLY : []), ...SMALL_HEAP];
}

/** How long a restart waits before trying again when the data cannot be opened (a disk still full, say). */
const RESTART_RETRY_MS = 1000;
/** How long a close waits for PGlite to shut down cleanly before its process is killed. */
const CLOSE_GRACE_MS = 2000;

/** What every call gets while the process is being replaced: a connection failure, which the server answers 503. */
function unavailable(reason: string): Error {
  return Object.assign(new Error(`the embedded database is not answering: ${reason}`), { code: '08006' });
}

/** A process running PGlite on `dataDir`, ready for statements; `spawned` learns of it before it is ready. */
function startChild(
  dataDir: string | null,
  spawned: (child: ChildProcess) => void,
  execArgv: string[],
): Promise<ChildProcess> {
  // No inherited execArgv: a debugger's or a test runner's flags are not the database's.
  const child = fork(CHILD_PATH, [dataDir ?? 'memory://'], {
    execArgv,
    env: { ...process.env, ...CHILD_ENV },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  spawned(child);
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      child.kill('SIGKILL');
      reject(error);
    };
    const exited = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(new Error(`the embedded database exited (${signal ?? code}) before it was ready`));
    child.once('error', fail);
    child.once('exit', exited);
    child.once('message', (message: FromChild) => {
      child.off('error', fail);
      child.off('exit', exited);
      if ('ready' in message) resolve(child);
      else fail('failed' in message ? receivedError(message.failed) : new Error('unexpected first message'));
    });
  });
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Asks the process to close PGlite cleanly, and kills it when it does not within a grace period (a stuck one). */
async function closeChild(child: ChildProcess, id: number): Promise<void> {
  // A process already gone has nothing to close: the error is the exit the next line waits for.
  child.send({ id, close: true } satisfies ToChild, () => {});
  const grace = setTimeout(() => child.kill('SIGKILL'), CLOSE_GRACE_MS);
  await exitOf(child);
  clearTimeout(grace);
}

async function kill(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await exitOf(child);
}

export class RemotePglite {
  readonly #options: RemotePgliteOptions;
  readonly #pending = new Map<number, Pending>();
  #child: ChildProcess | null = null;
  /** Bumped whenever the process is replaced, so a transaction begun in the old one never goes on in the new one. */
  #generation = 0;
  #nextId = 1;
  /** Queries and transactions take turns, as in PGlite itself: a transaction's statements are never interleaved. */
  #turn: Promise<unknown> = Promise.resolve();
  #closed = false;
  #restarting: Promise<void> | null = null;
  /** A process not ready yet, which a close ends: opening the data may itself never finish. */
  #starting: ChildProcess | null = null;
  /** A statement running longer means the process is stuck: it is replaced (0: never). */
  #hangAfterMs = 0;
  /** Work known to hold PGlite long (a dump, a vacuum) running now: one at most, as they take turns. */
  #holdingLong = 0;

  private constructor(options: RemotePgliteOptions) {
    this.#options = options;
  }

  static async open(options: RemotePgliteOptions): Promise<RemotePglite> {
    const remote = new RemotePglite(options);
    const { dataDir, log } = options;
    if (dataDir !== null && !holdsCluster(dataDir)) {
      const copy = await copyTemplate(dataDir);
      if (copy.copied) log.info('made the database from the template made at install time');
      else {
        // No template to copy: initdb, in a process of its own that then ends, since PGlite runs it in a second
        // instance whose memory (550 MB resident after it) would stay for good.
        log.info({ because: copy.because }, 'made the database with initdb');
        await closeChild(await remote.#start(BASELINE_COMPILER_ONLY), remote.#nextId++);
      }
    }
    remote.#adopt(await remote.#start());
    return remote;
  }

  /** From now on, a statement running past `ms` has the process replaced (0: never). */
  watchForHangs(ms: number): void {
    this.#hangAfterMs = ms;
  }

  get ready(): boolean {
    return this.#child !== null;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get waitReady(): Promise<void> {
    return Promise.resolve();
  }

  query(sql: string, params: unknown[] = []): Promise<QueryResult> {
    const generation = this.#generation;
    return this.#inTurn(() => this.#send(sql, params, generation));
  }

  transaction<Result>(body: (tx: Transaction) => Promise<Result>): Promise<Result> {
    return this.#inTurn(async () => {
      const generation = this.#generation;
      const tx: Transaction = { query: (sql, params = []) => this.#send(sql, params, generation) };
      await tx.query('BEGIN');
      let result: Result;
      try {
        result = await body(tx);
      } catch (error) {
        await tx.query('ROLLBACK').catch(() => {});
        throw error;
      }
      await tx.query('COMMIT');
      return result;
    });
  }

  /**
   * Resolves once PGlite answers a `select 1` sent ahead of every call waiting its turn, so that a health check does
   * not queue behind a flood of requests to learn whether the database works; it waits for the one statement being
   * run at most. It is a real statement, since one that finds PGlite stuck is what tells. After `withinMs` it fails.
   */
  ping(withinMs: number): Promise<void> {
    // A dump or a vacuum holds PGlite for as long as it reads the files, under a hang limit of its own: a ping would
    // wait for it and, past the statement's limit, replace the process mid-work. The database is known to be at work.
    if (this.#holdingLong > 0) return Promise.resolve();
    const answered = this.#send('select 1', [], this.#generation).then(() => undefined);
    const timer = new AbortController();
    const late = sleep(withinMs, undefined, { signal: timer.signal }).then(() => {
      throw unavailable(`no answer within ${withinMs} ms`);
    });
    late.catch(() => {});
    return Promise.race([answered, late]).finally(() => timer.abort());
  }

  /**
   * Writes a snapshot of the data to the new file `path` (flushed to disk) and answers its size. It takes its turn
   * like a transaction, so every statement sent before it is in the snapshot and every one sent after waits for it.
   * A dump reads every file, so it may legitimately take far longer than a statement: the hang limit it gets is its
   * own, `hangAfterMs` (0: never).
   */
  dump(path: string, hangAfterMs: number): Promise<number> {
    return this.#long(async (generation) => {
      const answer = await this.#ask((id) => ({ id, dump: path }), generation, hangAfterMs, 'a dump');
      if (!('dumpedBytes' in answer)) throw new Error('the embedded database answered a dump with rows');
      return answer.dumpedBytes;
    });
  }

  /**
   * Runs `sql`, a statement known to hold PGlite far longer than a request's (a vacuum reads a table's indexes
   * whole), in its turn like a dump and under a hang limit of its own, `hangAfterMs` (0: never): under the statement
   * limit, a large table's vacuum would have the process replaced in every round that tried it.
   */
  async runLong(sql: string, hangAfterMs: number): Promise<void> {
    await this.#long((generation) =>
      this.#ask((id) => ({ id, sql, params: [] }), generation, hangAfterMs, 'a long statement'),
    );
  }

  /** Runs `work` in its turn, with the health ping told that PGlite is at work meanwhile. */
  #long<Result>(work: (generation: number) => Promise<Result>): Promise<Result> {
    const generation = this.#generation;
    return this.#inTurn(async () => {
      this.#holdingLong++;
      try {
        return await work(generation);
      } finally {
        this.#holdingLong--;
      }
    });
  }

  /** Lets PGlite shut down cleanly, and kills its process when it does not within a grace period (a stuck one). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#starting?.kill('SIGKILL');
    await this.#restarting;
    const child = this.#child;
    this.#child = null;
    if (!child) return;
    this.#failAll('the server is stopping');
    await closeChild(child, this.#nextId++);
  }

  async #start(execArgv = servingFlags(this.#options.wasmCompiler)): Promise<ChildProcess> {
    try {
      return await startChild(this.#options.dataDir, (child) => (this.#starting = child), execArgv);
    } finally {
      this.#starting = null;
    }
  }

  /** The caller awaits the call's own promise; the queue keeps a copy whose failure is the caller's, not the queue's. */
  #inTurn<Result>(run: () => Promise<Result>): Promise<Result> {
    const result = this.#turn.then(run);
    this.#turn = result.catch(() => {});
    return result;
  }

  #settleFailed(id: number, error: Error): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    pending.reject(error);
  }

  async #send(sql: string, params: unknown[], generation: number): Promise<QueryResult> {
    const answer = await this.#ask((id) => ({ id, sql, params }), generation, this.#hangAfterMs, 'a statement');
    if (!('rows' in answer)) throw new Error('the embedded database answered a statement with a dump');
    return { rows: answer.rows, affectedRows: answer.affectedRows };
  }

  /** Sends one message to the process; past `hangAfterMs` (0: never) without an answer, the process is replaced. */
  #ask(message: (id: number) => ToChild, generation: number, hangAfterMs: number, what: string): Promise<Answer> {
    const child = this.#child;
    if (this.#closed) return Promise.reject(unavailable('it is closed'));
    if (!child || generation !== this.#generation) return Promise.reject(unavailable('it is being restarted'));
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      const timer =
        hangAfterMs > 0
          ? setTimeout(() => this.#replace(`${what} ran past ${hangAfterMs} ms`), hangAfterMs)
          : undefined;
      this.#pending.set(id, { resolve, reject, timer });
      // With a callback, a channel that closed (the process just died, its exit not yet heard) fails this call
      // instead of emitting 'error', which with no listener would end the server.
      child.send(message(id), (error) => {
        if (error) this.#settleFailed(id, unavailable('its process is gone'));
      });
    });
  }

  #adopt(child: ChildProcess): void {
    this.#child = child;
    child.on('message', (message: FromChild) => {
      if (!('id' in message)) return;
      if ('error' in message) {
        this.#settleFailed(message.id, receivedError(message.error));
        if (message.broken) this.#replace(`it reported an internal error: ${message.error.message}`);
        return;
      }
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      clearTimeout(pending.timer);
      pending.resolve(message);
    });
    // Anything else the process's handle reports (a failed kill, say) is logged; its exit, below, is what counts.
    child.on('error', (error) => this.#options.log.warn({ err: error }, 'the embedded database process reported'));
    child.on('exit', (code, signal) => {
      if (this.#child === child) this.#replace(`its process exited (${signal ?? code})`);
    });
  }

  #failAll(reason: string): void {
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(unavailable(reason));
    }
    this.#pending.clear();
  }

  /**
   * Kills a process that stopped answering, and starts another on the same data until one opens it. A database in
   * memory died with its process: it stays down, answering unavailable, rather than coming back empty.
   */
  #replace(reason: string): void {
    if (this.#closed || this.#restarting) return;
    const { log, dataDir } = this.#options;
    const stuck = this.#child;
    this.#child = null;
    this.#generation++;
    this.#failAll(reason);
    if (dataDir === null) {
      log.error(`the embedded database in memory stopped answering (${reason}); its data is lost, restart the server`);
      if (stuck) this.#restarting = kill(stuck).finally(() => (this.#restarting = null));
      return;
    }
    log.error(`the embedded database stopped answering (${reason}); restarting it`);
    this.#restarting = (async () => {
      if (stuck) await kill(stuck);
      while (!this.#closed) {
        try {
          const child = await this.#start();
          if (this.#closed) return await kill(child);
          this.#adopt(child);
          log.info('the embedded database answers again');
          return;
        } catch (error) {
          log.error({ err: error }, 'could not restart the embedded database; trying again');
          await new Promise((resolve) => setTimeout(resolve, RESTART_RETRY_MS));
        }
      }
    })()
      .catch((error: unknown) => log.error({ err: error }, 'the embedded database restart failed'))
      .finally(() => {
        this.#restarting = null;
      });
  }
}
