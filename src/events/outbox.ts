// The write side of live events: an event is a row written by the transaction of the change it describes, so the
// two commit together or not at all.
import type { EntityManager } from '@mikro-orm/sql';

export const NOTIFY_CHANNEL = 'live_events';
/** The NOTIFY payload that tells every instance that `family` has new events. */
export const eventsPayload = (family: string) => `events:${family}`;

export interface NewEvent {
  family: string;
  type: string;
  data: unknown;
  createdAt: Date;
}

/**
 * Stores the event inside `em`'s transaction; on PostgreSQL (`announce`) it also queues a NOTIFY, which PostgreSQL
 * sends at commit and drops on rollback. The row's final id is drawn at commit, in commit order (see the migration
 * live_events_commit_order), which is what lets readers read `id > last` without gaps.
 */
export async function storeEvent(em: EntityManager, event: NewEvent, announce: boolean): Promise<void> {
  const data = event.data === undefined ? null : JSON.stringify(event.data);
  await em.execute(
    `with stored as (insert into live_events (family, type, data, created_at) values (?, ?, ?, ?) returning family)
     select ${announce ? `pg_notify('${NOTIFY_CHANNEL}', ?)` : 'family'} from stored`,
    [event.family, event.type, data, event.createdAt, ...(announce ? [eventsPayload(event.family)] : [])],
  );
}
