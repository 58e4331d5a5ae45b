// A change made through the API, kept briefly so live subscribers on any instance can receive and resume it. Its id
// is drawn when its transaction commits, so ids are in commit order.
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
  // Draws each row's final id at its transaction's commit, in commit order; its function is in the migration
  // live_events_commit_order.
  triggers: [
    {
      name: 'live_events_draw_id',
      timing: 'after',
      events: ['insert'],
      expression:
        'create constraint trigger "live_events_draw_id" after insert on "live_events" deferrable initially deferred for each row execute function "live_events_draw_id"()',
    },
  ],
});
