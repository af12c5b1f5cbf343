import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`brands_shelves\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`brands_shelves_order_idx\` ON \`brands_shelves\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`brands_shelves_parent_id_idx\` ON \`brands_shelves\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`brands_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`products_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`products_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`brands_rels_order_idx\` ON \`brands_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`brands_rels_parent_idx\` ON \`brands_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`brands_rels_path_idx\` ON \`brands_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`brands_rels_products_id_idx\` ON \`brands_rels\` (\`products_id\`);`)
  await db.run(sql`ALTER TABLE \`products\` ADD \`category\` text;`)
  await db.run(sql`CREATE INDEX \`products_category_idx\` ON \`products\` (\`category\`);`)
  await db.run(sql`ALTER TABLE \`brands\` ADD \`shop_policy_ship_within\` text DEFAULT '48h';`)
  await db.run(sql`ALTER TABLE \`brands\` ADD \`shop_policy_seven_day_returns\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`brands\` ADD \`shop_policy_returns_note\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`brands_shelves\`;`)
  await db.run(sql`DROP TABLE \`brands_rels\`;`)
  await db.run(sql`DROP INDEX \`products_category_idx\`;`)
  await db.run(sql`ALTER TABLE \`products\` DROP COLUMN \`category\`;`)
  await db.run(sql`ALTER TABLE \`brands\` DROP COLUMN \`shop_policy_ship_within\`;`)
  await db.run(sql`ALTER TABLE \`brands\` DROP COLUMN \`shop_policy_seven_day_returns\`;`)
  await db.run(sql`ALTER TABLE \`brands\` DROP COLUMN \`shop_policy_returns_note\`;`)
}
