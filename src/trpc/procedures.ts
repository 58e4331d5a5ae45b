// Base procedures: each call gets its own EntityManager fork; HubGW and Aurora procedures check their credential first.
import { assertAccess, type Family } from '../auth.ts';
import { t } from './init.ts';

const withEntityManager = t.middleware(async ({ ctx, next, path }) => {
  const result = await next({ ctx: { em: ctx.orm.em.fork() } });
  ctx.services.metrics.countCall(path, ctx.transport, result.ok ? null : result.error);
  return result;
});

/** HubGW announces only what game servers must learn of at once; Aurora announces every change. */
const HUBGW_LIVE_RESOURCES = ['punishments.', 'whitelist.', 'warps.'];

function announces(family: Family, type: string): boolean {
  return family === 'aurora' || HUBGW_LIVE_RESOURCES.some((resource) => type.startsWith(resource));
}

// One middleware per family rather than a chain: each link costs an object spread on every call. A mutation that
// returns has committed, so its output is published then; one that throws, or only reads, publishes nothing.
function familyProcedure(family: Family) {
  return t.procedure.use(async ({ ctx, next, path, type, meta }) => {
    try {
      // REST requests were counted by the HTTP layer before their route was known; tRPC calls are counted here.
      if (family === 'aurora' && ctx.transport !== 'rest') ctx.services.rateLimiter.assertAllowed(ctx.address);
      assertAccess(ctx.identity, family);
    } catch (error) {
      ctx.services.metrics.countCall(path, ctx.transport, error);
      throw error;
    }
    const result = await next({ ctx: { em: ctx.orm.em.fork() } });
    ctx.services.metrics.countCall(path, ctx.transport, result.ok ? null : result.error);
    const eventType = path.slice(family.length + 1);
    if (result.ok && type === 'mutation' && !meta?.readOnly && announces(family, eventType)) {
      await ctx.services.events.publish(family, eventType, result.data, ctx.now());
    }
    return result;
  });
}

export const router = t.router;
export const publicProcedure = t.procedure.use(withEntityManager);
export const hubgwProcedure = familyProcedure('hubgw');
export const auroraProcedure = familyProcedure('aurora');
