// PGlite on a thread of its own, behind the part of PGlite's interface that MikroORM's Kysely dialect uses. A
// statement that does not answer within the hang limit (PGlite spinning after a failed WAL write, say) gets the
// thread terminated and a new one started on the same data; meanwhile every call fails at once as unavailable.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';
import { type FromThread, receivedError, type ThreadOptions, type ToThread } from './protocol.ts';

interface Pending {
  resolve(result: QueryResult): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
}

interface QueryResult {
  rows: unknown[];
  affectedRows: number | undefined;
}

interface Transaction {
  query(sql: string, params?: unknown[]): Promise<QueryResult>;
}

export interface RemotePgliteOptions {
  dataDir: string | null;
  log: Logger;
}

const THREAD_URL = new URL('./thread.ts', import.meta.url);
/** How long a restart waits before trying again when the data cannot be opened (a disk still full, say). */
const RESTART_RETRY_MS = 1000;
/** How long a close waits for PGlite to shut down cleanly before the thread is terminated. */
const CLOSE_GRACE_MS = 2000;

/** What every call gets while the thread is being replaced: a connection failure, which the server answers 503. */
function unavailable(reason: string): Error {
  return Object.assign(new Error(`the embedded database is not answering: ${reason}`), { code: '08006' });
}

/** A thread running PGlite on `dataDir`, ready for statements. */
function startThread(dataDir: string | null): Promise<Worker> {
  const worker = new Worker(THREAD_URL, { workerData: { dataDir } satisfies ThreadOptions });
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      worker.terminate().catch(() => {});
      reject(error);
    };
    worker.once('error', fail);
    worker.once('message', (message: FromThread) => {
      worker.off('error', fail);
      if ('ready' in message) resolve(worker);
      else fail('failed' in message ? receivedError(message.failed) : new Error('unexpected first message'));
    });
  });
}

export class RemotePglite {
  readonly #options: RemotePgliteOptions;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | null = null;
  /** Bumped whenever the thread is replaced, so a transaction begun on the old one can never go on in the new one. */
  #generation = 0;
  #nextId = 1;
  /** Queries and transactions take turns, as in PGlite itself: a transaction's statements are never interleaved. */
  #turn: Promise<unknown> = Promise.resolve();
  #closed = false;
  #restarting: Promise<void> | null = null;
  /** A statement running longer means the thread is stuck: it is replaced (0: never). */
  #hangAfterMs = 0;

  private constructor(options: RemotePgliteOptions) {
    this.#options = options;
  }

  static async open(options: RemotePgliteOptions): Promise<RemotePglite> {
    const remote = new RemotePglite(options);
    remote.#adopt(await startThread(options.dataDir));
    return remote;
  }

  /** From now on, a statement running past `ms` has the thread replaced (0: never). */
  watchForHangs(ms: number): void {
    this.#hangAfterMs = ms;
  }

  get ready(): boolean {
    return this.#worker !== null;
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

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#restarting;
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    const closed = new Promise<void>((resolve) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve: () => resolve(), reject: () => resolve(), timer: undefined });
      worker.postMessage({ id, close: true } satisfies ToThread);
    });
    const grace = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
    await Promise.race([closed, grace]);
    await worker.terminate();
    this.#failAll('the server is stopping');
  }

  #inTurn<Result>(run: () => Promise<Result>): Promise<Result> {
    const result = this.#turn.then(run);
    this.#turn = result.catch(() => {});
    return result;
  }

  #send(sql: string, params: unknown[], generation: number): Promise<QueryResult> {
    const worker = this.#worker;
    if (this.#closed) return Promise.reject(unavailable('it is closed'));
    if (!worker || generation !== this.#generation) return Promise.reject(unavailable('it is being restarted'));
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      const hangAfterMs = this.#hangAfterMs;
      const timer =
        hangAfterMs > 0
          ? setTimeout(() => this.#replace(`a statement ran past ${hangAfterMs} ms`), hangAfterMs)
          : undefined;
      this.#pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, sql, params } satisfies ToThread);
    });
  }

  #adopt(worker: Worker): void {
    this.#worker = worker;
    worker.on('message', (message: FromThread) => {
      if (!('id' in message)) return;
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      clearTimeout(pending.timer);
      if ('error' in message) pending.reject(receivedError(message.error));
      else pending.resolve({ rows: message.rows, affectedRows: message.affectedRows });
    });
    worker.on('error', (error) => this.#replace(`its thread failed: ${error.message}`));
    worker.on('exit', () => this.#worker === worker && this.#replace('its thread exited'));
  }

  #failAll(reason: string): void {
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(unavailable(reason));
    }
    this.#pending.clear();
  }

  /** Terminates a thread that stopped answering, and starts another on the same data until one opens it. */
  #replace(reason: string): void {
    if (this.#closed || this.#restarting) return;
    const { log, dataDir } = this.#options;
    log.error(`the embedded database stopped answering (${reason}); restarting it`);
    const stuck = this.#worker;
    this.#worker = null;
    this.#generation++;
    this.#failAll(reason);
    this.#restarting = (async () => {
      await stuck?.terminate();
      while (!this.#closed) {
        try {
          const worker = await startThread(dataDir);
          if (this.#closed) {
            await worker.terminate();
            return;
          }
          this.#adopt(worker);
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
