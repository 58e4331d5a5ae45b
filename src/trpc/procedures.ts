// Base procedures: each call gets its own EntityManager fork; HubGW and Aurora procedures check their credential first.
import { assertAccess, type Family } from '../auth.ts';
import { t } from './init.ts';

const withEntityManager = t.middleware(({ ctx, next }) => next({ ctx: { em: ctx.orm.em.fork() } }));

// One middleware per family rather than a chain: each link costs an object spread on every call.
function familyProcedure(family: Family) {
  return t.procedure.use(({ ctx, next }) => {
    assertAccess(ctx.identity, family);
    return next({ ctx: { em: ctx.orm.em.fork() } });
  });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(withEntityManager);
export const hubgwProcedure = familyProcedure('hubgw');
export const auroraProcedure = familyProcedure('aurora');
