// A change made through the API, kept briefly so live subscribers on any instance can receive and resume it.
import { defineEntity, p } from '@mikro-orm/core';

export const LiveEvent = defineEntity({
  name: 'LiveEvent',
  tableName: 'live_events',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    family: p.string().length(8),
    type: p.string().length(64),
    data: p.json<unknown>().nullable(),
    createdAt: p.datetime(),
  },
  indexes: [{ name: 'live_events_family_id_idx', properties: ['family', 'id'] }],
});
