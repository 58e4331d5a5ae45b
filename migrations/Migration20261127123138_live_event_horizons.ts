import { Migration } from '@mikro-orm/migrations';

export class Migration20261127123138_live_event_horizons extends Migration {
  override name = 'Migration20261127123138_live_event_horizons';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "live_event_horizons" ("family" varchar(8) not null, "pruned_through" bigint not null, primary key ("family"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "live_event_horizons" cascade;`);
  }
}
