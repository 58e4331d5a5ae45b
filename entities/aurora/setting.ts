// Named JSON documents the bot and dashboard share: the bot's settings, and the Discord metadata it publishes.
import { defineEntity, p } from '@mikro-orm/core';

export const Setting = defineEntity({
  name: 'Setting',
  schema: 'aurora',
  tableName: 'settings',
  properties: {
    key: p.string().length(32).primary(),
    value: p.json<Record<string, unknown>>(),
    updatedAt: p.datetime(),
  },
});
