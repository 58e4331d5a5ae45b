// A record of each admin action taken through the API.
import { defineEntity, p } from '@mikro-orm/core';

export const AdminAction = defineEntity({
  name: 'AdminAction',
  schema: 'aurora',
  tableName: 'admin_actions',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    action: p.string().length(32),
    details: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
  },
});
