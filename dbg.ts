import { MikroORM } from '@mikro-orm/sql';
import { ormConfigFor } from './mikro-orm.config.ts';
import { createUser, updateUser } from './routers/aurora/users/service.ts';
import { createClass } from './routers/aurora/classes/service.ts';
const orm = await MikroORM.init({ ...ormConfigFor({ kind: 'pglite', dataDir: null }) });
await orm.migrator.up();
const now = new Date();
try { await createClass(orm.em.fork(), { id: 'c1', name: 'Warriors', balance: '0' } as never, now);
console.log(await createUser(orm.em.fork(), { id: '1', username: 'a', balance: '0', xp: '0', level: 1, settings: {}, classId: 'c1' } as never, now));
console.log(await createUser(orm.em.fork(), { id: '1', username: 'a', balance: '0', xp: '0', level: 1, settings: {} } as never, now)); } catch (e) { console.log(e); }
try { console.log(await updateUser(orm.em.fork(), { id: '1', balance: '50', classId: null } as never, now)); } catch (e) { console.log(e); }
await orm.close();
