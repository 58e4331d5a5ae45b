import { Migration } from '@mikro-orm/migrations';

export class Migration20261203150151_item_images extends Migration {
  override name = 'Migration20261203150151_item_images';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "aurora"."item_images" ("item_id" int not null, "content_type" varchar(32) not null, "bytes" bytea not null, "size" int not null, "etag" varchar(64) not null, "updated_at" timestamptz not null, primary key ("item_id"));`,
    );

    // Images are compressed already: kept out of line without another compression attempt.
    this.addSql(`alter table "aurora"."item_images" alter column "bytes" set storage external;`);
    // The image lives beside its row now, so no upload token has to tell a committed file from a staged one.
    this.addSql(`alter table "aurora"."items" drop column "image_token";`);

    this.addSql(
      `alter table "aurora"."item_images" add constraint "item_images_item_id_foreign" foreign key ("item_id") references "aurora"."items" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "aurora"."item_images" add constraint "item_images_size_check" check (size = octet_length(bytes));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "aurora"."item_images" cascade;`);

    this.addSql(`alter table "aurora"."items" add "image_token" varchar(36) null;`);
  }
}
