// For the MikroORM CLI: DATABASE_URL, or an in-memory PGlite, with the server's own entities and migrations.
import { ormOptionsFor } from './src/database/orm-options.ts';
import { persistence } from './persistence.ts';

export default ormOptionsFor(
  process.env.DATABASE_URL?.startsWith('postgres')
    ? { kind: 'postgresql', url: process.env.DATABASE_URL }
    : { kind: 'pglite', dataDir: null },
  persistence,
);
