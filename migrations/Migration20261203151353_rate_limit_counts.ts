import { Migration } from '@mikro-orm/migrations';

export class Migration20261203151353_rate_limit_counts extends Migration {
  override name = 'Migration20261203151353_rate_limit_counts';

  override up(): void | Promise<void> {
    // The shared rate-limit counts of every instance on PostgreSQL (rate-limiter-flexible's columns). Unlogged: a
    // window's counts are not worth a WAL write, and a crash that empties them only forgives one window.
    this.addSql(
      `create unlogged table "rate_limit_counts" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, primary key ("key"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "rate_limit_counts" cascade;`);
  }
}
