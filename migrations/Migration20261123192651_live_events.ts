import { Migration } from '@mikro-orm/migrations';

export class Migration20261123192651_live_events extends Migration {
  override name = 'Migration20261123192651_live_events';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "live_events" ("id" bigserial primary key, "family" varchar(8) not null, "type" varchar(64) not null, "data" jsonb null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "live_events_family_id_idx" on "live_events" ("family", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "live_events" cascade;`);
  }
}
