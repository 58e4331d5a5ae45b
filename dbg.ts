import { MikroORM } from '@mikro-orm/sql';
import { ormConfigFor } from './mikro-orm.config.ts';
import { createUser } from './routers/aurora/users/service.ts';
import { dashboardStats } from './routers/aurora/stats/queries.ts';
const orm = await MikroORM.init({ ...ormConfigFor({ kind: 'pglite', dataDir: null }) });
await orm.migrator.up();
const now = new Date();
await createUser(
  orm.em.fork(),
  { id: '1', username: 'a', balance: '5', xp: '0', level: 1, settings: {} } as never,
  now,
);
await createUser(
  orm.em.fork(),
  { id: '2', username: 'b', balance: '5', xp: '0', level: 1, settings: {} } as never,
  now,
);
console.log(await orm.em.fork().execute('select id, is_active from aurora.users'));
console.log(await dashboardStats(orm.em.fork(), now, { liveConnections: () => 0, startedAt: now } as never));
await orm.close();
