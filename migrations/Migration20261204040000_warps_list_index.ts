import { Migration } from '@mikro-orm/migrations';

export class Migration20261204040000_warps_list_index extends Migration {
  override name = 'Migration20261204040000_warps_list_index';

  override up(): void | Promise<void> {
    // POST /warps/list filtered by world (and is_public): its page in order straight from the index, and its count.
    this.addSql(
      `create index "warps_world_public_name_idx" on "hubgw"."warps" ("world", "is_public", lower("name"), "id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "hubgw"."warps_world_public_name_idx";`);
  }
}
