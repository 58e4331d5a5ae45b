// A class users can belong to, with a shared balance. Names are unique case-insensitively.
import { defineEntity, p } from '@mikro-orm/core';

export const Class = defineEntity({
  name: 'Class',
  schema: 'aurora',
  tableName: 'classes',
  properties: {
    id: p.string().length(20).primary(),
    name: p.string().length(64),
    balance: p.bigint('string'),
    roleId: p.string().length(20).nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  uniques: [
    {
      name: 'classes_name_key',
      expression: 'create unique index "classes_name_key" on "aurora"."classes" (lower("name"))',
    },
  ],
});
