import { MikroORM } from '@mikro-orm/sql';
import { ormConfigFor } from './mikro-orm.config.ts';
import { createUser } from './routers/aurora/users/service.ts';
import { createQuest, assignQuest, reportEvent } from './routers/aurora/quests/service.ts';
const orm = await MikroORM.init({ ...ormConfigFor({ kind: 'pglite', dataDir: null }) });
await orm.migrator.up();
const now = new Date();
try { await createUser(orm.em.fork(), { id: '1', username: 'a', balance: '0', xp: '0', level: 1, settings: {} } as never, now);
await createQuest(orm.em.fork(), { name: 'q', triggerEvent: 'ITEM', target: 2, xpReward: 10, balanceReward: 5 } as never, now);
console.log(await assignQuest(orm.em.fork(), { userId: '1', questId: 1 }, now));
console.log(JSON.stringify(await reportEvent(orm.em.fork(), { userId: '1', event: 'ITEM:3', weight: 1 }, now)));
console.log(JSON.stringify(await reportEvent(orm.em.fork(), { userId: '1', event: 'ITEM', weight: 1 }, now)));
} catch (e) { console.log(e); }
await orm.close();
