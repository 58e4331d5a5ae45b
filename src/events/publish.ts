// Events a domain announces by itself: a fact a change brings about that is no mutation's output (a user reaching
// a new level when a quest pays its XP). They go through the same outbox as announced mutations: a row in the
// change's own transaction, so the fact and the change commit together or not at all.
import type { EntityManager } from '@mikro-orm/sql';
import type { z } from 'zod';
import type { LiveEvent } from '../trpc/announced.ts';
import type { TransactionHooks } from '../trpc/transaction-hooks.ts';
import type { EventBus } from './bus.ts';
import { storeEvent } from './outbox.ts';

/** An event a domain publishes: its `type` (named `<resource>.<fact>`, never a procedure's path) and its data. */
export interface DomainEvent<Type extends string, Data> {
  readonly type: Type;
  /** Checks the data as a mutation's output schema checks its output, before it is stored. */
  readonly data: { parse(value: unknown): Data };
}

export function domainEvent<const Type extends string, Schema extends z.ZodType>(
  type: Type,
  data: Schema,
): DomainEvent<Type, z.output<Schema>> {
  return { type, data };
}

/** Stores `event` with `data` in `tx`, the transaction of the change that brought it about. */
export type Publish = <Data>(tx: EntityManager, event: DomainEvent<string, Data>, data: Data) => Promise<void>;

/** Every event a module of domain events defines, as subscribers receive it: one union discriminated by `type`. */
export type PublishedEvent<Events> = {
  [Name in keyof Events]: Events[Name] extends DomainEvent<infer Type, infer Data> ? LiveEvent<Type, Data> : never;
}[keyof Events];

interface PublishScope {
  family: string;
  events: EventBus;
  transaction: TransactionHooks;
  now: () => Date;
}

/** The `publish` of one call: its events belong to the call's family, and wake the feeds once it has committed. */
export function publisher({ family, events, transaction, now }: PublishScope): Publish {
  return async (tx, event, data) => {
    if (!tx.isInTransaction()) {
      throw new Error(`publishing ${event.type} needs the transaction of the change it describes`);
    }
    const checked = event.data.parse(data);
    await storeEvent(tx, { family, type: event.type, data: checked, createdAt: now() }, events.announcesByNotify);
    transaction.onCommit(async () => events.committed(family));
  };
}
