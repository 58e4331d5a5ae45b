// Statements run in turn on a connection of their own: the benches' database setup and teardown.
import pg from 'pg';

export async function runSql(statements: string[], url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
