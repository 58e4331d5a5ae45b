// Row counts kept by triggers, for tables whose lists answer a total and whose count(*) would grow with them.
import { defineEntity, p } from '@mikro-orm/core';

export const RowCount = defineEntity({
  name: 'RowCount',
  schema: 'aurora',
  tableName: 'row_counts',
  properties: {
    tableName: p.string().length(64).primary(),
    rowCount: p.bigint('string'),
  },
  checks: [{ name: 'row_counts_row_count_check', expression: 'row_count >= 0' }],
});
