import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_brands\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`brand_id\` text(36),
  	\`role\` text DEFAULT 'editor',
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_brands_order_idx\` ON \`users_brands\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_brands_parent_id_idx\` ON \`users_brands\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_brands_brand_idx\` ON \`users_brands\` (\`brand_id\`);`)
  // Data: each old brand link becomes a membership row. The old installation-wide roles map onto roles
  // inside the brand: the brand team ('brand') owned its space, editors stay editors. Both become 'member'.
  await db.run(sql`INSERT INTO \`users_brands\` (\`_order\`, \`_parent_id\`, \`id\`, \`brand_id\`, \`role\`)
    SELECT r.\`order\`, r.\`parent_id\`, lower(hex(randomblob(12))), r.\`brands_id\`,
      CASE WHEN EXISTS (SELECT 1 FROM \`users_roles\` ur WHERE ur.\`parent_id\` = r.\`parent_id\` AND ur.\`value\` = 'brand')
        AND NOT EXISTS (SELECT 1 FROM \`users_roles\` ur WHERE ur.\`parent_id\` = r.\`parent_id\` AND ur.\`value\` = 'editor')
      THEN 'owner' ELSE 'editor' END
    FROM \`users_rels\` r WHERE r.\`path\` = 'brands' AND r.\`brands_id\` IS NOT NULL;`)
  await db.run(sql`DELETE FROM \`users_roles\` WHERE \`value\` = 'brand' AND \`parent_id\` IN (SELECT \`parent_id\` FROM \`users_roles\` WHERE \`value\` = 'editor');`)
  await db.run(sql`UPDATE \`users_roles\` SET \`value\` = 'member' WHERE \`value\` IN ('editor', 'brand');`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`brands_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`brands_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_brands_id_idx\` ON \`users_rels\` (\`brands_id\`);`)
  await db.run(sql`INSERT INTO \`users_rels\` (\`order\`, \`parent_id\`, \`path\`, \`brands_id\`)
    SELECT \`_order\`, \`_parent_id\`, 'brands', \`brand_id\` FROM \`users_brands\` WHERE \`brand_id\` IS NOT NULL;`)
  await db.run(sql`UPDATE \`users_roles\` SET \`value\` = 'editor' WHERE \`value\` = 'member';`)
  await db.run(sql`DROP TABLE \`users_brands\`;`)
}
