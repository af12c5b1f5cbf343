import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`orders\` ADD \`shipment_carrier\` text;`)
  await db.run(sql`ALTER TABLE \`orders\` ADD \`shipment_tracking_number\` text;`)
  await db.run(sql`ALTER TABLE \`orders\` ADD \`shipment_shipped_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`shipment_carrier\`;`)
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`shipment_tracking_number\`;`)
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`shipment_shipped_at\`;`)
}
