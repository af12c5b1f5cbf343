import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_brands_shop_policy_ship_within" AS ENUM('24h', '48h', '72h', '7d');
  CREATE TABLE "brands_shelves" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL
  );
  
  CREATE TABLE "brands_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"products_id" uuid
  );
  
  ALTER TABLE "products" ADD COLUMN "category" varchar;
  ALTER TABLE "brands" ADD COLUMN "shop_policy_ship_within" "enum_brands_shop_policy_ship_within" DEFAULT '48h';
  ALTER TABLE "brands" ADD COLUMN "shop_policy_seven_day_returns" boolean DEFAULT true;
  ALTER TABLE "brands" ADD COLUMN "shop_policy_returns_note" varchar;
  ALTER TABLE "brands_shelves" ADD CONSTRAINT "brands_shelves_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "brands_rels" ADD CONSTRAINT "brands_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "brands_rels" ADD CONSTRAINT "brands_rels_products_fk" FOREIGN KEY ("products_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "brands_shelves_order_idx" ON "brands_shelves" USING btree ("_order");
  CREATE INDEX "brands_shelves_parent_id_idx" ON "brands_shelves" USING btree ("_parent_id");
  CREATE INDEX "brands_rels_order_idx" ON "brands_rels" USING btree ("order");
  CREATE INDEX "brands_rels_parent_idx" ON "brands_rels" USING btree ("parent_id");
  CREATE INDEX "brands_rels_path_idx" ON "brands_rels" USING btree ("path");
  CREATE INDEX "brands_rels_products_id_idx" ON "brands_rels" USING btree ("products_id");
  CREATE INDEX "products_category_idx" ON "products" USING btree ("category");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "brands_shelves" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "brands_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "brands_shelves" CASCADE;
  DROP TABLE "brands_rels" CASCADE;
  DROP INDEX "products_category_idx";
  ALTER TABLE "products" DROP COLUMN "category";
  ALTER TABLE "brands" DROP COLUMN "shop_policy_ship_within";
  ALTER TABLE "brands" DROP COLUMN "shop_policy_seven_day_returns";
  ALTER TABLE "brands" DROP COLUMN "shop_policy_returns_note";
  DROP TYPE "public"."enum_brands_shop_policy_ship_within";`)
}
