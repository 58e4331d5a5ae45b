// Per family, the newest live event removed by retention: a subscriber resuming from before it has missed events
// that no longer exist, and is told to reload instead.
import { defineEntity, p } from '@mikro-orm/core';

export const LiveEventHorizon = defineEntity({
  name: 'LiveEventHorizon',
  tableName: 'live_event_horizons',
  properties: {
    family: p.string().length(8).primary(),
    prunedThrough: p.bigint('string'),
  },
});
