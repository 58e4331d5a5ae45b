// What the server persists: the entities, and the migrations that make their tables.
import { entities } from './entities/index.ts';
import type { Persistence } from './src/database/orm-options.ts';

export const persistence: Persistence = {
  entities,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
};
