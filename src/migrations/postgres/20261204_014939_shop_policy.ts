import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_brands_shop_policy_ship_within" AS ENUM('24h', '48h', '72h', '7d');
  ALTER TABLE "brands" ADD COLUMN "shop_policy_ship_within" "enum_brands_shop_policy_ship_within" DEFAULT '48h';
  ALTER TABLE "brands" ADD COLUMN "shop_policy_seven_day_returns" boolean DEFAULT true;
  ALTER TABLE "brands" ADD COLUMN "shop_policy_returns_note" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "brands" DROP COLUMN "shop_policy_ship_within";
  ALTER TABLE "brands" DROP COLUMN "shop_policy_seven_day_returns";
  ALTER TABLE "brands" DROP COLUMN "shop_policy_returns_note";
  DROP TYPE "public"."enum_brands_shop_policy_ship_within";`)
}
