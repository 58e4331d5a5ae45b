// The base procedure: each call is held to its policy (credential, rate limit) first, gets its EntityManager (a fork,
// or for a read the root one), and a change that is announced runs in one transaction with its live event. Each call
// can also publish events of its own family (`ctx.publish`, see events/publish.ts).
import { accessRefusal } from '../auth.ts';
import { storeEvent } from '../events/outbox.ts';
import { publisher } from '../events/publish.ts';
import type { Context } from './context.ts';
import { type RouteMeta, t } from './init.ts';
import { assertStorableInput } from './input-guard.ts';
import { policyOf, SERVER_POLICY } from './policy.ts';
import { TransactionHooks } from './transaction-hooks.ts';

/** Carries a failed call's result out of its transaction, which rolls it back. */
class RolledBack<Result> extends Error {
  readonly result: Result;

  constructor(result: Result) {
    super('the call failed; its transaction rolls back');
    this.result = result;
  }
}

/** A call that announces nothing: its own statements and transactions are its business. */
async function runWithoutEvent<Result extends { ok: boolean }>(
  em: Context['orm']['em'],
  next: (hooks: TransactionHooks, em: Context['orm']['em']) => Promise<Result>,
): Promise<Result> {
  const transaction = new TransactionHooks();
  const result = await next(transaction, em);
  await transaction.settle(result.ok);
  return result;
}

/**
 * A change that is announced: the procedure and its event's row run in one transaction (the procedure's own
 * transactions become savepoints in it), so a change and its event commit together or not at all.
 */
async function runWithEvent<Result extends { ok: boolean; data?: unknown }>(
  ctx: Context,
  family: string,
  type: string,
  next: (hooks: TransactionHooks, em: Context['orm']['em']) => Promise<Result>,
): Promise<Result> {
  const transaction = new TransactionHooks();
  let result: Result;
  try {
    result = await ctx.orm.em.fork().transactional(async (tx) => {
      const outcome = await next(transaction, tx);
      if (!outcome.ok) throw new RolledBack(outcome);
      await storeEvent(
        tx,
        { family, type, data: outcome.data, createdAt: ctx.now() },
        ctx.services.events.announcesByNotify,
      );
      return outcome;
    });
  } catch (error) {
    await transaction
      .settle(false)
      .catch((cleanup: unknown) => ctx.log.warn({ err: cleanup }, 'could not clean up after a rolled-back change'));
    if (error instanceof RolledBack) return error.result as Result;
    throw error;
  }
  ctx.services.events.committed(family);
  await transaction.settle(true);
  return result;
}

/**
 * A read (a query, or a mutation marked `reads`) runs its typed queries on the ORM's root EntityManager, which hands
 * out the pool's Kysely: it needs no identity map or unit of work, and a fork cost 5 to 11 µs of every call. Part of
 * that is MikroORM 7.2's own: `fork()` sets `allowGlobalContext` and back, and each `Configuration.set` writes the
 * environment variable MIKRO_ORM_COLORS. The root refuses to load entities (`allowGlobalContext: false`), so a read
 * that tries fails loudly rather than share one identity map with every other call.
 */
function entityManagerFor(ctx: Context, type: string, meta: RouteMeta | undefined): Context['orm']['em'] {
  return type === 'query' || meta?.reads ? ctx.orm.em : ctx.orm.em.fork();
}

// One middleware for every procedure rather than a chain: each link costs an object spread on every call.
const withPolicy = t.middleware(async ({ ctx, next, path, type, meta, getRawInput }) => {
  const policy = policyOf(meta);
  try {
    // REST requests were counted by the HTTP layer before their route was known; tRPC calls are counted here.
    if (policy.rateLimited && ctx.transport !== 'rest') await ctx.services.rateLimiter.assertAllowed(ctx.address);
    if (policy.credential !== null && !ctx.identity[policy.credential]) throw accessRefusal(policy.credential);
    if (type === 'mutation' && !meta?.reads) ctx.services.storage.assertRoomToWrite();
    assertStorableInput(await getRawInput());
  } catch (error) {
    ctx.services.metrics.countCall(path, ctx.transport, error);
    throw error;
  }
  const call = (transaction: TransactionHooks, em: Context['orm']['em']) => {
    const publish = publisher({ family: policy.family, events: ctx.services.events, transaction, now: ctx.now });
    return next({ ctx: { em, transaction, publish } });
  };
  // An event's type is the procedure's path within its family: `homes.upsert`.
  const result = ctx.services.announced.has(path)
    ? await runWithEvent(ctx, policy.family, path.slice(policy.family.length + 1), call)
    : await runWithoutEvent(entityManagerFor(ctx, type, meta), call);
  ctx.services.metrics.countCall(path, ctx.transport, result.ok ? null : result.error);
  return result;
});

export const router = t.router;
/** Every procedure's base: a family gives it its policy with `.meta({ policy })`, and its routes add their own meta. */
export const procedure = t.procedure.use(withPolicy);
/** The server's own procedures (status, probes): open to anyone, never counted by the rate limit. */
export const serverProcedure = procedure.meta({ policy: SERVER_POLICY });
