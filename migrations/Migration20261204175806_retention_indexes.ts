import { Migration } from '@mikro-orm/migrations';

export class Migration20261204175806_retention_indexes extends Migration {
  override name = 'Migration20261204175806_retention_indexes';

  override up(): void | Promise<void> {
    // Retention deletes the oldest rows in small batches, found through these. Building one holds the table's writes
    // for as long as it takes (migrations run in a transaction, so not concurrently); `if not exists` lets an
    // operator with a large audit build it beforehand with `create index concurrently` under the same name.
    this.addSql(
      `create index if not exists "command_audit_executed_at_idx" on "hubgw"."command_audit" ("executed_at");`,
    );
    this.addSql(
      `create index if not exists "teleport_history_created_at_idx" on "hubgw"."teleport_history" ("created_at");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "hubgw"."command_audit_executed_at_idx";`);
    this.addSql(`drop index if exists "hubgw"."teleport_history_created_at_idx";`);
  }
}
