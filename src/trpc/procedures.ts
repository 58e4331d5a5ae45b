// Base procedures: each call gets its own EntityManager fork; HubGW and Aurora procedures check their credential
// first, and a change that is announced runs in one transaction with its live event.
import { assertAccess, type Family } from '../auth.ts';
import { storeEvent } from '../events/outbox.ts';
import type { Context } from './context.ts';
import { t } from './init.ts';
import { assertStorableInput } from './input-guard.ts';
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
  ctx: Context,
  next: (hooks: TransactionHooks, em: Context['orm']['em']) => Promise<Result>,
): Promise<Result> {
  const transaction = new TransactionHooks();
  const result = await next(transaction, ctx.orm.em.fork());
  await transaction.settle(result.ok);
  return result;
}

/**
 * A change that is announced: the procedure and its event's row run in one transaction (the procedure's own
 * transactions become savepoints in it), so a change and its event commit together or not at all.
 */
async function runWithEvent<Result extends { ok: boolean; data?: unknown }>(
  ctx: Context,
  family: Family,
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

// One middleware per family rather than a chain: each link costs an object spread on every call.
function familyProcedure(family: Family) {
  return t.procedure.use(async ({ ctx, next, path, type, meta, getRawInput }) => {
    try {
      // REST requests were counted by the HTTP layer before their route was known; tRPC calls are counted here.
      if (family === 'aurora' && ctx.transport !== 'rest') ctx.services.rateLimiter.assertAllowed(ctx.address);
      assertAccess(ctx.identity, family);
      if (type === 'mutation' && !meta?.reads) ctx.services.storage.assertRoomToWrite();
      assertStorableInput(await getRawInput());
    } catch (error) {
      ctx.services.metrics.countCall(path, ctx.transport, error);
      throw error;
    }
    const eventType = path.slice(family.length + 1);
    const call = (transaction: TransactionHooks, em: Context['orm']['em']) => next({ ctx: { em, transaction } });
    const result =
      type === 'mutation' && meta?.announced
        ? await runWithEvent(ctx, family, eventType, call)
        : await runWithoutEvent(ctx, call);
    ctx.services.metrics.countCall(path, ctx.transport, result.ok ? null : result.error);
    return result;
  });
}

const withEntityManager = t.middleware(async ({ ctx, next, path, getRawInput }) => {
  assertStorableInput(await getRawInput());
  const result = await runWithoutEvent(ctx, (transaction, em) => next({ ctx: { em, transaction } }));
  ctx.services.metrics.countCall(path, ctx.transport, result.ok ? null : result.error);
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(withEntityManager);
/** HubGW announces only what game servers must learn of at once, each such write marked `announced`. */
export const hubgwProcedure = familyProcedure('hubgw');
/** Aurora announces every change the dashboard shows. */
export const auroraProcedure = familyProcedure('aurora').meta({ announced: true });
