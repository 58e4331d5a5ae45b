// The write side of live events: an event is a row written by the transaction of the change it describes, so the
// two commit together or not at all.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { json } from '../database/queries.ts';
import { eventQueries } from './event-tables.ts';

export const NOTIFY_CHANNEL = 'live_events';
/** The NOTIFY payload that tells every instance that `family` has new events. */
const eventsPayload = (family: string) => `events:${family}`;

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
  const queries = eventQueries(em);
  const insert = queries
    .insertInto('LiveEvent')
    .values({
      family: event.family,
      type: event.type,
      data: event.data === undefined ? null : json(event.data),
      createdAt: event.createdAt,
    })
    .returning('family');
  if (!announce) {
    await insert.execute();
    return;
  }
  // One statement, not two: the NOTIFY rides on the insert's round trip.
  await queries
    .with('stored', () => insert)
    .selectFrom('stored')
    .select(sql`pg_notify(${NOTIFY_CHANNEL}, ${eventsPayload(event.family)})`.as('notified'))
    .execute();
}
