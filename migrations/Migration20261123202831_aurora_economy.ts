import { Migration } from '@mikro-orm/migrations';

export class Migration20261123202831_aurora_economy extends Migration {
  override name = 'Migration20261123202831_aurora_economy';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "aurora"."lootdrops" ("id" bigserial primary key, "amount" bigint not null, "channel_id" varchar(20) null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "claimed_by" varchar(20) null, "claimed_at" timestamptz null);`,
    );

    this.addSql(
      `create table "aurora"."user_quests" ("user_id" varchar(20) not null, "quest_id" int not null, "progress" int not null, "assigned_at" timestamptz not null, "completed_at" timestamptz null, primary key ("user_id", "quest_id"));`,
    );
    this.addSql(`create index "user_quests_quest_id_idx" on "aurora"."user_quests" ("quest_id");`);

    this.addSql(`alter table "aurora"."users" add "last_daily_at" timestamptz null;`);

    this.addSql(
      `alter table "aurora"."lootdrops" add constraint "lootdrops_claimed_by_foreign" foreign key ("claimed_by") references "aurora"."users" ("id") on delete set null;`,
    );
    this.addSql(`alter table "aurora"."lootdrops" add constraint "lootdrops_amount_check" check (amount > 0);`);
    this.addSql(
      `alter table "aurora"."lootdrops" add constraint "lootdrops_expiry_check" check (expires_at > created_at);`,
    );
    this.addSql(
      `alter table "aurora"."lootdrops" add constraint "lootdrops_claim_check" check (claimed_by is null or claimed_at is not null);`,
    );

    this.addSql(
      `alter table "aurora"."user_quests" add constraint "user_quests_user_id_foreign" foreign key ("user_id") references "aurora"."users" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "aurora"."user_quests" add constraint "user_quests_quest_id_foreign" foreign key ("quest_id") references "aurora"."quests" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "aurora"."user_quests" add constraint "user_quests_progress_check" check (progress >= 0);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "aurora"."lootdrops" cascade;`);
    this.addSql(`drop table if exists "aurora"."user_quests" cascade;`);

    this.addSql(`alter table "aurora"."users" drop column "last_daily_at";`);
  }
}
