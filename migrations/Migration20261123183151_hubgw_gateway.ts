import { Migration } from '@mikro-orm/migrations';

export class Migration20261123183151_hubgw_gateway extends Migration {
  override name = 'Migration20261123183151_hubgw_gateway';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "hubgw"."command_audit" ("id" bigserial primary key, "player_uuid" uuid not null, "player_name" varchar(64) not null, "command" text not null, "arguments" jsonb not null, "server" varchar(64) not null, "executed_at" timestamptz not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "command_audit_player_uuid_idx" on "hubgw"."command_audit" ("player_uuid");`);

    this.addSql(
      `create table "hubgw"."cooldowns" ("id" uuid not null, "player_uuid" uuid not null, "cooldown_type" varchar(128) not null, "expires_at" timestamptz not null, "data" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "hubgw"."cooldowns" add constraint "cooldowns_player_type_key" unique ("player_uuid", "cooldown_type");`,
    );

    this.addSql(
      `create table "hubgw"."kits" ("id" uuid not null, "name" varchar(64) not null, "cooldown_seconds" int not null, "items" jsonb not null, "description" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create unique index "kits_name_key" on "hubgw"."kits" (lower("name"));`);

    this.addSql(
      `create table "luckperms_actions" ("id" serial primary key, "time" bigint not null, "actor_uuid" varchar(36) not null, "actor_name" varchar(100) not null, "type" char(1) not null, "acted_uuid" varchar(36) not null, "acted_name" varchar(36) not null, "action" varchar(300) not null);`,
    );

    this.addSql(
      `create table "luckperms_groups" ("name" varchar(36) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("name"));`,
    );

    this.addSql(
      `create table "luckperms_group_permissions" ("id" serial primary key, "name" varchar(36) not null, "permission" varchar(200) not null, "value" boolean not null, "server" varchar(36) not null, "world" varchar(36) not null, "expiry" int not null, "contexts" varchar(200) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "luckperms_group_permissions_name" on "luckperms_group_permissions" ("name");`);

    this.addSql(
      `create table "luckperms_players" ("uuid" varchar(36) not null, "username" varchar(16) not null, "primary_group" varchar(36) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("uuid"));`,
    );
    this.addSql(`create index "luckperms_players_username" on "luckperms_players" ("username");`);

    this.addSql(
      `create table "luckperms_tracks" ("name" varchar(36) not null, "groups" text not null, primary key ("name"));`,
    );

    this.addSql(
      `create table "luckperms_user_permissions" ("id" serial primary key, "uuid" varchar(36) not null, "permission" varchar(200) not null, "value" boolean not null, "server" varchar(36) not null, "world" varchar(36) not null, "expiry" int not null, "contexts" varchar(200) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "luckperms_user_permissions_uuid" on "luckperms_user_permissions" ("uuid");`);

    this.addSql(
      `create table "hubgw"."punishments" ("id" uuid not null, "player_uuid" uuid not null, "player_name" varchar(64) not null, "player_ip" varchar(45) null, "punishment_type" varchar(16) not null, "reason" text not null, "staff_uuid" uuid null, "staff_name" varchar(64) null, "expires_at" timestamptz null, "is_active" boolean not null, "revoked_at" timestamptz null, "revoked_by" varchar(64) null, "revoked_reason" text null, "evidence_url" text null, "notes" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "punishments_player_created_idx" on "hubgw"."punishments" ("player_uuid", "created_at");`,
    );
    this.addSql(
      `create unique index "punishments_one_active_ban_key" on "hubgw"."punishments" ("player_uuid") where "is_active" and "punishment_type" in ('ban', 'ip_ban');`,
    );
    this.addSql(
      `create unique index "punishments_one_active_mute_key" on "hubgw"."punishments" ("player_uuid") where "is_active" and "punishment_type" = 'mute';`,
    );

    this.addSql(
      `create table "hubgw"."teleport_history" ("id" uuid not null, "player_uuid" uuid not null, "from_world" varchar(64) not null, "from_x" double precision not null, "from_y" double precision not null, "from_z" double precision not null, "to_world" varchar(64) not null, "to_x" double precision not null, "to_y" double precision not null, "to_z" double precision not null, "tp_type" varchar(32) not null, "target_name" varchar(64) null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "teleport_history_player_created_idx" on "hubgw"."teleport_history" ("player_uuid", "created_at");`,
    );

    this.addSql(
      `create table "hubgw"."user_links" ("id" uuid not null, "name" varchar(64) not null, "game_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create unique index "user_links_name_key" on "hubgw"."user_links" (lower("name"));`);

    this.addSql(
      `create table "hubgw"."warps" ("id" uuid not null, "player_uuid" uuid not null, "name" varchar(64) not null, "world" varchar(64) not null, "x" double precision not null, "y" double precision not null, "z" double precision not null, "yaw" double precision not null, "pitch" double precision not null, "is_public" boolean not null, "description" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "warps_player_uuid_idx" on "hubgw"."warps" ("player_uuid");`);
    this.addSql(`create unique index "warps_name_key" on "hubgw"."warps" (lower("name"));`);

    this.addSql(
      `create table "hubgw"."whitelist" ("id" uuid not null, "player_name" varchar(64) not null, "added_by" varchar(64) not null, "added_at" timestamptz not null, "expires_at" timestamptz null, "is_active" boolean not null, "reason" text null, primary key ("id"));`,
    );
    this.addSql(`create index "whitelist_added_at_idx" on "hubgw"."whitelist" ("added_at");`);
    this.addSql(`create unique index "whitelist_player_name_key" on "hubgw"."whitelist" (lower("player_name"));`);

    this.addSql(
      `alter table "hubgw"."kits" add constraint "kits_cooldown_seconds_check" check (cooldown_seconds >= 0);`,
    );

    this.addSql(
      `alter table "hubgw"."punishments" add constraint "punishments_type_check" check (punishment_type in ('ban', 'ip_ban', 'mute', 'kick', 'warn'));`,
    );

    // LuckPerms always has its default group.
    this.addSql(`insert into "luckperms_groups" ("name") values ('default') on conflict do nothing;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "hubgw"."command_audit" cascade;`);
    this.addSql(`drop table if exists "hubgw"."cooldowns" cascade;`);
    this.addSql(`drop table if exists "hubgw"."kits" cascade;`);
    this.addSql(`drop table if exists "luckperms_actions" cascade;`);
    this.addSql(`drop table if exists "luckperms_groups" cascade;`);
    this.addSql(`drop table if exists "luckperms_group_permissions" cascade;`);
    this.addSql(`drop table if exists "luckperms_players" cascade;`);
    this.addSql(`drop table if exists "luckperms_tracks" cascade;`);
    this.addSql(`drop table if exists "luckperms_user_permissions" cascade;`);
    this.addSql(`drop table if exists "hubgw"."punishments" cascade;`);
    this.addSql(`drop table if exists "hubgw"."teleport_history" cascade;`);
    this.addSql(`drop table if exists "hubgw"."user_links" cascade;`);
    this.addSql(`drop table if exists "hubgw"."warps" cascade;`);
    this.addSql(`drop table if exists "hubgw"."whitelist" cascade;`);
  }
}
