import { Migration } from '@mikro-orm/migrations';

export class Migration20261123185434_aurora extends Migration {
  override name = 'Migration20261123185434_aurora';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "aurora";`);
    // CASE-NNNN numbers: a sequence hands each concurrent creation its own.
    this.addSql(`create sequence "aurora"."moderation_case_number";`);
    this.addSql(
      `create table "aurora"."admin_actions" ("id" bigserial primary key, "action" varchar(32) not null, "details" jsonb not null, "created_at" timestamptz not null);`,
    );

    this.addSql(
      `create table "aurora"."classes" ("id" varchar(20) not null, "name" varchar(64) not null, "balance" bigint not null, "role_id" varchar(20) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create unique index "classes_name_key" on "aurora"."classes" (lower("name"));`);

    this.addSql(
      `create table "aurora"."items" ("id" serial primary key, "name" varchar(100) not null, "description" text null, "type" varchar(32) not null, "rarity" varchar(3) not null, "price" bigint not null, "icon_url" varchar(512) null, "image_url" varchar(512) null, "usage_data" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`create unique index "items_name_key" on "aurora"."items" (lower("name"));`);

    this.addSql(
      `create table "aurora"."moderation_cases" ("id" bigserial primary key, "case_id" varchar(16) not null, "type" varchar(16) not null, "user_id" varchar(20) not null, "username" varchar(64) not null, "moderator_id" varchar(20) not null, "moderator_name" varchar(64) not null, "reason" text not null, "metadata" jsonb not null, "active" boolean not null, "created_at" timestamptz not null, "resolved_at" timestamptz null, "resolved_by" varchar(20) null, "resolved_reason" text null);`,
    );
    this.addSql(
      `alter table "aurora"."moderation_cases" add constraint "moderation_cases_case_id_key" unique ("case_id");`,
    );
    this.addSql(`create index "moderation_cases_user_id_idx" on "aurora"."moderation_cases" ("user_id");`);

    this.addSql(
      `create table "aurora"."quests" ("id" serial primary key, "name" varchar(100) not null, "description" text null, "trigger_event" varchar(100) not null, "target" int not null, "xp_reward" int not null, "balance_reward" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );

    this.addSql(
      `create table "aurora"."settings" ("key" varchar(32) not null, "value" jsonb not null, "updated_at" timestamptz not null, primary key ("key"));`,
    );

    this.addSql(
      `create table "aurora"."users" ("id" varchar(20) not null, "username" varchar(64) not null, "balance" bigint not null, "xp" bigint not null, "level" int not null, "daily_streak" int not null, "is_active" boolean not null, "class_id" varchar(20) null, "settings" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "users_class_id_idx" on "aurora"."users" ("class_id");`);
    this.addSql(`create index "users_balance_id_idx" on "aurora"."users" ("balance", "id");`);

    this.addSql(
      `create table "aurora"."transactions" ("id" bigserial primary key, "user_id" varchar(20) not null, "related_user_id" varchar(20) null, "amount" bigint not null, "type" varchar(32) not null, "description" text null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "transactions_user_created_idx" on "aurora"."transactions" ("user_id", "created_at");`);
    this.addSql(`create index "transactions_created_idx" on "aurora"."transactions" ("created_at");`);

    this.addSql(
      `create table "aurora"."inventory" ("user_id" varchar(20) not null, "item_id" int not null, "quantity" bigint not null, primary key ("user_id", "item_id"));`,
    );
    this.addSql(`create index "inventory_item_id_idx" on "aurora"."inventory" ("item_id");`);

    this.addSql(
      `alter table "aurora"."items" add constraint "items_rarity_check" check (rarity in ('C', 'R', 'SR', 'SSR'));`,
    );
    this.addSql(`alter table "aurora"."items" add constraint "items_price_check" check (price >= 0);`);

    this.addSql(
      `alter table "aurora"."moderation_cases" add constraint "moderation_cases_type_check" check (type in ('warn', 'timeout', 'kick', 'ban', 'note', 'prune'));`,
    );

    this.addSql(`alter table "aurora"."quests" add constraint "quests_target_check" check (target > 0);`);
    this.addSql(
      `alter table "aurora"."quests" add constraint "quests_rewards_check" check (xp_reward >= 0 and balance_reward >= 0);`,
    );

    this.addSql(
      `alter table "aurora"."users" add constraint "users_class_id_foreign" foreign key ("class_id") references "aurora"."classes" ("id") on delete set null;`,
    );
    this.addSql(`alter table "aurora"."users" add constraint "users_balance_check" check (balance >= 0);`);
    this.addSql(`alter table "aurora"."users" add constraint "users_xp_check" check (xp >= 0);`);
    this.addSql(`alter table "aurora"."users" add constraint "users_level_check" check (level >= 0);`);
    this.addSql(`alter table "aurora"."users" add constraint "users_daily_streak_check" check (daily_streak >= 0);`);

    this.addSql(
      `alter table "aurora"."transactions" add constraint "transactions_user_id_foreign" foreign key ("user_id") references "aurora"."users" ("id");`,
    );
    this.addSql(
      `alter table "aurora"."transactions" add constraint "transactions_related_user_id_foreign" foreign key ("related_user_id") references "aurora"."users" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "aurora"."inventory" add constraint "inventory_user_id_foreign" foreign key ("user_id") references "aurora"."users" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "aurora"."inventory" add constraint "inventory_item_id_foreign" foreign key ("item_id") references "aurora"."items" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "aurora"."inventory" add constraint "inventory_quantity_check" check (quantity > 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "aurora"."users" drop constraint "users_class_id_foreign";`);
    this.addSql(`alter table "aurora"."inventory" drop constraint "inventory_item_id_foreign";`);
    this.addSql(`alter table "aurora"."transactions" drop constraint "transactions_user_id_foreign";`);
    this.addSql(`alter table "aurora"."transactions" drop constraint "transactions_related_user_id_foreign";`);
    this.addSql(`alter table "aurora"."inventory" drop constraint "inventory_user_id_foreign";`);

    this.addSql(`drop sequence if exists "aurora"."moderation_case_number";`);
    this.addSql(`drop table if exists "aurora"."admin_actions" cascade;`);
    this.addSql(`drop table if exists "aurora"."classes" cascade;`);
    this.addSql(`drop table if exists "aurora"."items" cascade;`);
    this.addSql(`drop table if exists "aurora"."moderation_cases" cascade;`);
    this.addSql(`drop table if exists "aurora"."quests" cascade;`);
    this.addSql(`drop table if exists "aurora"."settings" cascade;`);
    this.addSql(`drop table if exists "aurora"."users" cascade;`);
    this.addSql(`drop table if exists "aurora"."transactions" cascade;`);
    this.addSql(`drop table if exists "aurora"."inventory" cascade;`);

    this.addSql(`drop schema if exists "aurora";`);
  }
}
