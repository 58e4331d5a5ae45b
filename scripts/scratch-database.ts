// A scratch PostgreSQL database for one run (the suite, or mutation testing), on TEST_POSTGRES_URL's server (default
// postgres://postgres@127.0.0.1:5432): created, handed to the run as its URL, and dropped once the run has ended.
import pg from 'pg';

async function admin(server: URL, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function withScratchDatabase<Result>(
  prefix: string,
  run: (url: string) => Promise<Result>,
): Promise<Result> {
  const server = new URL(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await admin(server, `create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    await admin(server, `drop database if exists "${name}" with (force)`);
  }
}
