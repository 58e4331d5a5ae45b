import { Migration } from '@mikro-orm/migrations';

export class Migration20261127130000_live_events_commit_order extends Migration {
  override name = 'Migration20261127130000_live_events_commit_order';

  override up(): void | Promise<void> {
    // A live event's id is drawn at its transaction's commit, under its family's lock, which is held until the commit
    // is visible: so a family's ids are in commit order, and once an id is visible every lower one of the family is
    // visible or never will be. Readers can then read `id > last` without gaps. The lock is taken inside COMMIT, so it
    // is held for no network round trip; PostgreSQL serializes the commits of notifying transactions anyway.
    this.addSql(`create function "live_events_draw_id"() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(hashtextextended('live_events:' || new.family, 0));
        update "live_events" set "id" = nextval(pg_get_serial_sequence('live_events', 'id')) where "id" = new.id;
        return null;
      end
    $$;`);
    this.addSql(
      `create constraint trigger "live_events_draw_id" after insert on "live_events" deferrable initially deferred for each row execute function "live_events_draw_id"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "live_events_draw_id" on "live_events";`);
    this.addSql(`drop function if exists "live_events_draw_id"();`);
  }
}
