import { Migration } from '@mikro-orm/migrations';

export class Migration20261123204516_item_image_token extends Migration {
  override name = 'Migration20261123204516_item_image_token';

  override up(): void | Promise<void> {
    this.addSql(`alter table "aurora"."items" add "image_token" varchar(36) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "aurora"."items" drop column "image_token";`);
  }
}
