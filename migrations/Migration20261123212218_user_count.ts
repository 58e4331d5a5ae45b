import { Migration } from '@mikro-orm/migrations';

export class Migration20261123212218_user_count extends Migration {
  override name = 'Migration20261123212218_user_count';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "aurora"."row_counts" ("table_name" varchar(64) not null, "row_count" bigint not null, primary key ("table_name"));`,
    );

    this.addSql(
      `alter table "aurora"."row_counts" add constraint "row_counts_row_count_check" check (row_count >= 0);`,
    );

    // The users list answers a total; counting a million rows per page cost ~120 ms, so triggers keep the count.
    // Statement-level triggers add a whole batch at once; user creations queue on the one counter row, which
    // onboarding's rate allows.
    this.addSql(
      `insert into "aurora"."row_counts" ("table_name", "row_count") select 'users', count(*) from "aurora"."users";`,
    );
    this.addSql(`create function "aurora"."count_users"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update "aurora"."row_counts" set "row_count" = "row_count" + (select count(*) from inserted) where "table_name" = 'users';
        else
          update "aurora"."row_counts" set "row_count" = "row_count" - (select count(*) from deleted) where "table_name" = 'users';
        end if;
        return null;
      end
    $$;`);
    this.addSql(
      `create trigger "users_count_insert" after insert on "aurora"."users" referencing new table as inserted for each statement execute function "aurora"."count_users"();`,
    );
    this.addSql(
      `create trigger "users_count_delete" after delete on "aurora"."users" referencing old table as deleted for each statement execute function "aurora"."count_users"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "users_count_insert" on "aurora"."users";`);
    this.addSql(`drop trigger if exists "users_count_delete" on "aurora"."users";`);
    this.addSql(`drop function if exists "aurora"."count_users"();`);
    this.addSql(`drop table if exists "aurora"."row_counts" cascade;`);
  }
}
