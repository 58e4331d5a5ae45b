// The live events' own tables, which the platform adds to the domain's entities, as typed queries see them.
import type { EntityManager, Kysely } from '@mikro-orm/sql';
import { entityNaming } from '../database/entity-naming.ts';
import type { TypedDatabase } from '../database/typed-queries.ts';
import { LiveEvent } from './live-event.ts';
import { LiveEventHorizon } from './live-event-horizon.ts';

export const eventEntities = [LiveEvent, LiveEventHorizon];

export type EventsDatabase = TypedDatabase<(typeof eventEntities)[number]>;

export function eventQueries(em: EntityManager): Kysely<EventsDatabase> {
  return em.getKysely<EventsDatabase>().withPlugin(entityNaming(em.getMetadata()));
}
