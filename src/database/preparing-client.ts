// The PostgreSQL connection the pool makes: a `pg` client that sends each distinct SQL text with bound parameters as
// a named prepared statement, so PostgreSQL parses and plans a hot read once per connection rather than per call.
import pg from 'pg';

/**
 * Named statements kept per connection. A typed query's text is the same on every call from one call site, so a
 * few dozen cover the hot paths; texts that vary with their input (batch inserts, optional filters) come and go.
 */
export const STATEMENTS_PER_CONNECTION = 100;

/** What `pg`'s connection keeps of the statements it has parsed, by name (not in its typings). */
interface ParsedStatements {
  parsedStatements: Record<string, string>;
}

export class PreparingClient extends pg.Client {
  /** Statement names by SQL text, least recently used first. */
  readonly #names = new Map<string, string>();
  #made = 0;

  // pg's overloads are many; Kysely calls `query(text, values)` and `query(cursor)`, and only the first is changed.
  // Typed `never` to fit every overload: the pool, and whoever holds one, sees it as a `pg.Client`.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      return this.#prepared(text, values) as never;
    }
    return (super.query as (...given: unknown[]) => never)(...args);
  }

  /**
   * A statement prepared before another instance's migration changed a table it selects fails with "cached plan must
   * not change result type", on every call, until it is prepared anew; one gone from the server (DISCARD ALL) fails
   * with "prepared statement does not exist". Either is forgotten, and the query sent again under a new name when
   * no transaction was open (in one, the failure has aborted it, and the caller's retry prepares it anew).
   */
  async #prepared(text: string, values: unknown[]): Promise<pg.QueryResult> {
    const name = this.#nameOf(text);
    try {
      return await super.query({ name, text, values });
    } catch (error) {
      const { code, routine } = error as { code?: string; routine?: string };
      const gone = code === '26000';
      if (!gone && !(code === '0A000' && routine === 'RevalidateCachedQuery')) throw error;
      if (this.#names.get(text) === name) this.#names.delete(text);
      this.#drop(name, !gone);
      if (this.getTransactionStatus() !== 'I') throw error;
      return super.query({ name: this.#nameOf(text), text, values });
    }
  }

  #nameOf(text: string): string {
    let name = this.#names.get(text);
    if (name !== undefined) {
      this.#names.delete(text);
    } else {
      if (this.#names.size >= STATEMENTS_PER_CONNECTION) this.#forgetOldest();
      // Never reused: a statement whose DEALLOCATE failed (in an aborted transaction) keeps its name on the server.
      name = `s${++this.#made}`;
    }
    this.#names.set(text, name);
    return name;
  }

  #forgetOldest(): void {
    const [text, name] = this.#names.entries().next().value as [string, string];
    this.#names.delete(text);
    this.#drop(name, true);
  }

  /**
   * pg tracks the statements it has parsed and has no call to drop one (brianc/node-postgres#1889), so the entry is
   * removed from its map as graphile-engine does, and DEALLOCATE queued behind the queries already sent. A name not
   * parsed (its Parse failed) is not deallocated: that would be an error inside the caller's transaction.
   */
  #drop(name: string, deallocate: boolean): void {
    const { parsedStatements } = this.connection as unknown as ParsedStatements;
    if (parsedStatements[name] === undefined) return;
    delete parsedStatements[name];
    // Fails only in an aborted transaction; the statement then lives on until the connection ends.
    if (deallocate) super.query(`deallocate ${name}`).catch(() => {});
  }
}
