import { Migration } from '@mikro-orm/migrations';

export class Migration20261123180338_initial extends Migration {
  override name = 'Migration20261123180338_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "hubgw";`);
    this.addSql(
      `create table "hubgw"."homes" ("id" uuid not null, "player_uuid" uuid not null, "name" varchar(64) not null, "world" varchar(64) not null, "x" double precision not null, "y" double precision not null, "z" double precision not null, "yaw" double precision not null, "pitch" double precision not null, "is_public" boolean not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create unique index "homes_player_name_key" on "hubgw"."homes" ("player_uuid", lower("name"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "hubgw"."homes" cascade;`);

    this.addSql(`drop schema if exists "hubgw";`);
  }
}
