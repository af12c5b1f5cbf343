import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`brands\` ADD \`shop_policy_ship_within\` text DEFAULT '48h';`)
  await db.run(sql`ALTER TABLE \`brands\` ADD \`shop_policy_seven_day_returns\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`brands\` ADD \`shop_policy_returns_note\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`brands\` DROP COLUMN \`shop_policy_ship_within\`;`)
  await db.run(sql`ALTER TABLE \`brands\` DROP COLUMN \`shop_policy_seven_day_returns\`;`)
  await db.run(sql`ALTER TABLE \`brands\` DROP COLUMN \`shop_policy_returns_note\`;`)
}
