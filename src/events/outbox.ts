// The write side of live events: an event is a row written by the transaction of the change it describes, so the
// two commit together or not at all.
import type { EntityManager } from '@mikro-orm/sql';
import type { Family } from '../auth.ts';

export const NOTIFY_CHANNEL = 'live_events';
/** The NOTIFY payload that tells every instance that `family` has new events. */
export const eventsPayload = (family: Family) => `events:${family}`;

export interface NewEvent {
  family: Family;
  type: string;
  data: unknown;
  createdAt: Date;
}

/**
 * Stores the event inside `em`'s transaction; on PostgreSQL (`announce`) it also queues a NOTIFY, which PostgreSQL
 * sends at commit and drops on rollback. The family's advisory lock is taken just before the id is drawn and held to
 * the commit, so a family's ids are drawn in commit order: once an id is visible, every lower id of the family is
 * visible or never will be. That is what lets readers read `id > last` without gaps. It is the last statement of the
 * transaction, so the lock is held for one statement and the commit (PostgreSQL already serializes the commits of
 * transactions that NOTIFY). One statement of hand-written SQL: the lock must come before the id's default.
 */
export async function storeEvent(em: EntityManager, event: NewEvent, announce: boolean): Promise<void> {
  const data = event.data === undefined ? null : JSON.stringify(event.data);
  await em.execute(
    `with ordered as (select pg_advisory_xact_lock(hashtextextended(?, 0))),
          stored as (insert into live_events (family, type, data, created_at)
                     select ?::varchar, ?::varchar, ?::jsonb, ?::timestamptz from ordered returning id)
     select ${announce ? `pg_notify('${NOTIFY_CHANNEL}', ?)` : 'id'} from stored`,
    [`live_events:${event.family}`, event.family, event.type, data, event.createdAt, ...(announce ? [eventsPayload(event.family)] : [])],
  );
}
