// The link between a website user name and a game account id.
import { defineEntity, p } from '@mikro-orm/core';

export const UserLink = defineEntity({
  name: 'UserLink',
  schema: 'hubgw',
  tableName: 'user_links',
  properties: {
    id: p.uuid().primary(),
    name: p.string().length(64),
    gameId: p.string().length(64),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  uniques: [
    {
      name: 'user_links_name_key',
      expression: 'create unique index "user_links_name_key" on "hubgw"."user_links" (lower("name"))',
    },
  ],
});
