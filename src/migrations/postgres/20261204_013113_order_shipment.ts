import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_orders_shipment_carrier" AS ENUM('sf', 'jd', 'zto', 'yto', 'sto', 'yunda', 'ems', 'other');
  ALTER TABLE "orders" ADD COLUMN "shipment_carrier" "enum_orders_shipment_carrier";
  ALTER TABLE "orders" ADD COLUMN "shipment_tracking_number" varchar;
  ALTER TABLE "orders" ADD COLUMN "shipment_shipped_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "orders" DROP COLUMN "shipment_carrier";
  ALTER TABLE "orders" DROP COLUMN "shipment_tracking_number";
  ALTER TABLE "orders" DROP COLUMN "shipment_shipped_at";
  DROP TYPE "public"."enum_orders_shipment_carrier";`)
}
