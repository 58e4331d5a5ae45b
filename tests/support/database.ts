// The database a test server runs on: in-memory PGlite, or a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import pg from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Runs one statement on its own connection to `url`, as another client of that database would. */
export async function queryDatabase<Row = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function adminQuery(sql: string): Promise<void> {
  await queryDatabase(process.env.TEST_DATABASE_URL!, sql);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { url: 'memory://', drop: async () => {} };
  const name = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists "${name}" with (force)`) };
}

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
