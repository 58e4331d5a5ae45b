// Base procedures: each call gets its own EntityManager fork; HubGW and Aurora procedures check their credential.
import { assertAccess, type Family } from '../auth.ts';
import { t } from './init.ts';

const withEntityManager = t.middleware(({ ctx, next }) => next({ ctx: { em: ctx.orm.em.fork() } }));

function requireFamily(family: Family) {
  return t.middleware(({ ctx, next }) => {
    assertAccess(ctx.identity, family);
    return next();
  });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(withEntityManager);
export const hubgwProcedure = publicProcedure.use(requireFamily('hubgw'));
export const auroraProcedure = publicProcedure.use(requireFamily('aurora'));
