import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`author\` text,
  	\`cover_id\` text(36),
  	\`digest\` text,
  	\`content\` text,
  	\`brand_id\` text(36),
  	\`slug\` text,
  	\`scheduled_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_cover_idx\` ON \`articles\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_brand_idx\` ON \`articles\` (\`brand_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_author\` text,
  	\`version_cover_id\` text(36),
  	\`version_digest\` text,
  	\`version_content\` text,
  	\`version_brand_id\` text(36),
  	\`version_slug\` text,
  	\`version_scheduled_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_cover_idx\` ON \`_articles_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_brand_idx\` ON \`_articles_v\` (\`version_brand_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`products_variants\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`sku\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`price\` numeric,
  	\`stock\` numeric DEFAULT 0 NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`products_variants_order_idx\` ON \`products_variants\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`products_variants_parent_id_idx\` ON \`products_variants\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`products_selling_points\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`products_selling_points_order_idx\` ON \`products_selling_points\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`products_selling_points_parent_id_idx\` ON \`products_selling_points\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`products\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`price\` numeric NOT NULL,
  	\`compare_at_price\` numeric,
  	\`stock\` numeric DEFAULT 0 NOT NULL,
  	\`description\` text,
  	\`brand_id\` text(36) NOT NULL,
  	\`slug\` text NOT NULL,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`products_brand_idx\` ON \`products\` (\`brand_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`products_slug_idx\` ON \`products\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`products_status_idx\` ON \`products\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`products_updated_at_idx\` ON \`products\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`products_created_at_idx\` ON \`products\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`products_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`products_rels_order_idx\` ON \`products_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`products_rels_parent_idx\` ON \`products_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`products_rels_path_idx\` ON \`products_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`products_rels_media_id_idx\` ON \`products_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`brand_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_brand_idx\` ON \`media\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_sizes_hero_filename_idx\` ON \`media\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE TABLE \`communities_group_qrs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`image_id\` text(36) NOT NULL,
  	\`label\` text,
  	\`expires_at\` text NOT NULL,
  	\`full\` integer DEFAULT false,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`communities_group_qrs_order_idx\` ON \`communities_group_qrs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`communities_group_qrs_parent_id_idx\` ON \`communities_group_qrs\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`communities_group_qrs_image_idx\` ON \`communities_group_qrs\` (\`image_id\`);`)
  await db.run(sql`CREATE TABLE \`communities\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`intro\` text,
  	\`cover_id\` text(36),
  	\`story\` text,
  	\`admin_contact_qr_id\` text(36),
  	\`brand_id\` text(36) NOT NULL,
  	\`slug\` text NOT NULL,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`admin_contact_qr_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`communities_cover_idx\` ON \`communities\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`communities_admin_contact_qr_idx\` ON \`communities\` (\`admin_contact_qr_id\`);`)
  await db.run(sql`CREATE INDEX \`communities_brand_idx\` ON \`communities\` (\`brand_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`communities_slug_idx\` ON \`communities\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`communities_status_idx\` ON \`communities\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`communities_updated_at_idx\` ON \`communities\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`communities_created_at_idx\` ON \`communities\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`communities_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` text(36),
  	\`products_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`products_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`communities_rels_order_idx\` ON \`communities_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`communities_rels_parent_idx\` ON \`communities_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`communities_rels_path_idx\` ON \`communities_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`communities_rels_articles_id_idx\` ON \`communities_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`communities_rels_products_id_idx\` ON \`communities_rels\` (\`products_id\`);`)
  await db.run(sql`CREATE TABLE \`community_events\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`community_id\` text(36) NOT NULL,
  	\`cover_id\` text(36),
  	\`starts_at\` text NOT NULL,
  	\`ends_at\` text,
  	\`mode\` text DEFAULT 'offline' NOT NULL,
  	\`place\` text,
  	\`description\` text,
  	\`capacity\` numeric NOT NULL,
  	\`brand_id\` text(36) NOT NULL,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`community_events_community_idx\` ON \`community_events\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`community_events_cover_idx\` ON \`community_events\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`community_events_starts_at_idx\` ON \`community_events\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`community_events_brand_idx\` ON \`community_events\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`community_events_status_idx\` ON \`community_events\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`community_events_updated_at_idx\` ON \`community_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`community_events_created_at_idx\` ON \`community_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`event_signups\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`event_id\` text(36) NOT NULL,
  	\`community_id\` text(36) NOT NULL,
  	\`name\` text,
  	\`phone\` text,
  	\`reader\` text NOT NULL,
  	\`unique_key\` text NOT NULL,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`community_events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`event_signups_event_idx\` ON \`event_signups\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`event_signups_community_idx\` ON \`event_signups\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`event_signups_reader_idx\` ON \`event_signups\` (\`reader\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`event_signups_unique_key_idx\` ON \`event_signups\` (\`unique_key\`);`)
  await db.run(sql`CREATE INDEX \`event_signups_brand_idx\` ON \`event_signups\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`event_signups_updated_at_idx\` ON \`event_signups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`event_signups_created_at_idx\` ON \`event_signups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`coupons\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`community_id\` text(36) NOT NULL,
  	\`kind\` text DEFAULT 'fixed' NOT NULL,
  	\`amount_off\` numeric,
  	\`percent_off\` numeric,
  	\`min_spend\` numeric DEFAULT 0,
  	\`valid_from\` text NOT NULL,
  	\`valid_until\` text NOT NULL,
  	\`total_quantity\` numeric NOT NULL,
  	\`per_person_limit\` numeric DEFAULT 1 NOT NULL,
  	\`brand_id\` text(36) NOT NULL,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`coupons_community_idx\` ON \`coupons\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`coupons_valid_until_idx\` ON \`coupons\` (\`valid_until\`);`)
  await db.run(sql`CREATE INDEX \`coupons_brand_idx\` ON \`coupons\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`coupons_status_idx\` ON \`coupons\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`coupons_updated_at_idx\` ON \`coupons\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`coupons_created_at_idx\` ON \`coupons\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`coupon_claims\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`coupon_id\` text(36) NOT NULL,
  	\`community_id\` text(36) NOT NULL,
  	\`code\` text NOT NULL,
  	\`status\` text DEFAULT 'claimed' NOT NULL,
  	\`order_ref\` text,
  	\`used_at\` text,
  	\`reader\` text NOT NULL,
  	\`unique_key\` text NOT NULL,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`coupon_id\`) REFERENCES \`coupons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`coupon_claims_coupon_idx\` ON \`coupon_claims\` (\`coupon_id\`);`)
  await db.run(sql`CREATE INDEX \`coupon_claims_community_idx\` ON \`coupon_claims\` (\`community_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`coupon_claims_code_idx\` ON \`coupon_claims\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`coupon_claims_status_idx\` ON \`coupon_claims\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`coupon_claims_reader_idx\` ON \`coupon_claims\` (\`reader\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`coupon_claims_unique_key_idx\` ON \`coupon_claims\` (\`unique_key\`);`)
  await db.run(sql`CREATE INDEX \`coupon_claims_brand_idx\` ON \`coupon_claims\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`coupon_claims_updated_at_idx\` ON \`coupon_claims\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`coupon_claims_created_at_idx\` ON \`coupon_claims\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`community_members\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`community_id\` text(36) NOT NULL,
  	\`number\` numeric NOT NULL,
  	\`source\` text DEFAULT 'joined' NOT NULL,
  	\`reader\` text NOT NULL,
  	\`unique_key\` text NOT NULL,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`community_members_community_idx\` ON \`community_members\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`community_members_reader_idx\` ON \`community_members\` (\`reader\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`community_members_unique_key_idx\` ON \`community_members\` (\`unique_key\`);`)
  await db.run(sql`CREATE INDEX \`community_members_brand_idx\` ON \`community_members\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`community_members_updated_at_idx\` ON \`community_members\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`community_members_created_at_idx\` ON \`community_members\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`community_counters\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`used\` numeric DEFAULT 0 NOT NULL,
  	\`max\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`community_counters_key_idx\` ON \`community_counters\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`community_counters_updated_at_idx\` ON \`community_counters\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`community_counters_created_at_idx\` ON \`community_counters\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`orders_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`product_id\` text(36) NOT NULL,
  	\`variant\` text,
  	\`variant_name\` text,
  	\`title\` text NOT NULL,
  	\`unit_price\` numeric NOT NULL,
  	\`quantity\` numeric NOT NULL,
  	FOREIGN KEY (\`product_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`orders_items_order_idx\` ON \`orders_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`orders_items_parent_id_idx\` ON \`orders_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_items_product_idx\` ON \`orders_items\` (\`product_id\`);`)
  await db.run(sql`CREATE TABLE \`orders\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`number\` text NOT NULL,
  	\`status\` text DEFAULT 'pending_payment' NOT NULL,
  	\`subtotal\` numeric,
  	\`discount\` numeric,
  	\`total\` numeric NOT NULL,
  	\`coupon_claim_id\` text(36),
  	\`buyer_name\` text,
  	\`buyer_phone\` text,
  	\`buyer_address\` text,
  	\`customer_id\` text(36),
  	\`reader_id\` text(36),
  	\`attribution_article\` text,
  	\`attribution_block\` numeric,
  	\`attribution_sharer\` text,
  	\`channel\` text,
  	\`expires_at\` text,
  	\`paid_at\` text,
  	\`access_token_hash\` text,
  	\`access_token_encrypted\` text,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`coupon_claim_id\`) REFERENCES \`coupon_claims\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`customer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reader_id\`) REFERENCES \`customers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`orders_number_idx\` ON \`orders\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`orders_status_idx\` ON \`orders\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`orders_coupon_claim_idx\` ON \`orders\` (\`coupon_claim_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_customer_idx\` ON \`orders\` (\`customer_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_reader_idx\` ON \`orders\` (\`reader_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_attribution_attribution_article_idx\` ON \`orders\` (\`attribution_article\`);`)
  await db.run(sql`CREATE INDEX \`orders_expires_at_idx\` ON \`orders\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_access_token_hash_idx\` ON \`orders\` (\`access_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`orders_brand_idx\` ON \`orders\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_updated_at_idx\` ON \`orders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_created_at_idx\` ON \`orders\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payments\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`order_id\` text(36) NOT NULL,
  	\`out_trade_no\` text NOT NULL,
  	\`attempt\` numeric NOT NULL,
  	\`channel\` text NOT NULL,
  	\`amount\` numeric NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`sandbox\` integer DEFAULT false,
  	\`prepay_id\` text,
  	\`pay_url\` text,
  	\`payer_openid\` text,
  	\`transaction_id\` text,
  	\`paid_at\` text,
  	\`settled_by\` text,
  	\`out_refund_no\` text,
  	\`refund_status\` text,
  	\`note\` text,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`order_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`payments_order_idx\` ON \`payments\` (\`order_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`payments_out_trade_no_idx\` ON \`payments\` (\`out_trade_no\`);`)
  await db.run(sql`CREATE INDEX \`payments_status_idx\` ON \`payments\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`payments_transaction_id_idx\` ON \`payments\` (\`transaction_id\`);`)
  await db.run(sql`CREATE INDEX \`payments_out_refund_no_idx\` ON \`payments\` (\`out_refund_no\`);`)
  await db.run(sql`CREATE INDEX \`payments_brand_idx\` ON \`payments\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`payments_updated_at_idx\` ON \`payments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payments_created_at_idx\` ON \`payments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`order_events\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`order_id\` text(36) NOT NULL,
  	\`from\` text,
  	\`to\` text NOT NULL,
  	\`reason\` text,
  	\`actor\` text,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`order_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`order_events_order_idx\` ON \`order_events\` (\`order_id\`);`)
  await db.run(sql`CREATE INDEX \`order_events_brand_idx\` ON \`order_events\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`order_events_updated_at_idx\` ON \`order_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`order_events_created_at_idx\` ON \`order_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`brands\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`logo_id\` text(36),
  	\`primary_color\` text DEFAULT '#07c160',
  	\`mini_program_app_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`brands_slug_idx\` ON \`brands\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`brands_logo_idx\` ON \`brands\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`brands_updated_at_idx\` ON \`brands\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`brands_created_at_idx\` ON \`brands\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
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
  await db.run(sql`CREATE TABLE \`pushes\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`account_id\` text(36) NOT NULL,
  	\`scheduled_at\` text,
  	\`scheduled_action\` text DEFAULT 'massSend',
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`action\` text,
  	\`steps\` text,
  	\`media_id\` text,
  	\`draft_articles\` text,
  	\`publish_id\` text,
  	\`msg_id\` text,
  	\`wechat_article_id\` text,
  	\`published_urls\` text,
  	\`last_error\` text,
  	\`job_id\` text,
  	\`scheduled_job_id\` text,
  	\`sent_at\` text,
  	\`published_at\` text,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`account_id\`) REFERENCES \`wechat_accounts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`pushes_account_idx\` ON \`pushes\` (\`account_id\`);`)
  await db.run(sql`CREATE INDEX \`pushes_status_idx\` ON \`pushes\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`pushes_publish_id_idx\` ON \`pushes\` (\`publish_id\`);`)
  await db.run(sql`CREATE INDEX \`pushes_msg_id_idx\` ON \`pushes\` (\`msg_id\`);`)
  await db.run(sql`CREATE INDEX \`pushes_brand_idx\` ON \`pushes\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`pushes_updated_at_idx\` ON \`pushes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pushes_created_at_idx\` ON \`pushes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`pushes_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pushes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pushes_rels_order_idx\` ON \`pushes_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`pushes_rels_parent_idx\` ON \`pushes_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pushes_rels_path_idx\` ON \`pushes_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`pushes_rels_articles_id_idx\` ON \`pushes_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE TABLE \`wechat_accounts_template_ids\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`template_id\` text NOT NULL,
  	\`keywords\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`wechat_accounts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`wechat_accounts_template_ids_order_idx\` ON \`wechat_accounts_template_ids\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`wechat_accounts_template_ids_parent_id_idx\` ON \`wechat_accounts_template_ids\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`wechat_accounts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`app_id\` text NOT NULL,
  	\`app_secret\` text,
  	\`app_secret_encrypted\` text,
  	\`has_app_secret\` integer DEFAULT false,
  	\`account_type\` text DEFAULT 'subscription' NOT NULL,
  	\`verified\` integer DEFAULT false,
  	\`mini_program_app_id\` text,
  	\`callback_token\` text,
  	\`callback_token_encrypted\` text,
  	\`has_callback_token\` integer DEFAULT false,
  	\`sandbox\` integer DEFAULT false,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`wechat_accounts_app_id_idx\` ON \`wechat_accounts\` (\`app_id\`);`)
  await db.run(sql`CREATE INDEX \`wechat_accounts_brand_idx\` ON \`wechat_accounts\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`wechat_accounts_updated_at_idx\` ON \`wechat_accounts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`wechat_accounts_created_at_idx\` ON \`wechat_accounts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`wechat_images\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`scope\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`hash\` text NOT NULL,
  	\`url\` text,
  	\`media_id\` text,
  	\`bytes\` numeric,
  	\`format\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`wechat_images_key_idx\` ON \`wechat_images\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`wechat_images_scope_idx\` ON \`wechat_images\` (\`scope\`);`)
  await db.run(sql`CREATE INDEX \`wechat_images_updated_at_idx\` ON \`wechat_images\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`wechat_images_created_at_idx\` ON \`wechat_images\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`funnel_events\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`type\` text NOT NULL,
  	\`brand_id\` text(36) NOT NULL,
  	\`article\` text,
  	\`block\` numeric,
  	\`product\` text,
  	\`channel\` text,
  	\`sharer\` text,
  	\`visitor\` text,
  	\`order\` text,
  	\`amount\` numeric,
  	\`occurred_at\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`dedupe_key\` text,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`funnel_events_type_idx\` ON \`funnel_events\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`funnel_events_brand_idx\` ON \`funnel_events\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`funnel_events_article_idx\` ON \`funnel_events\` (\`article\`);`)
  await db.run(sql`CREATE INDEX \`funnel_events_product_idx\` ON \`funnel_events\` (\`product\`);`)
  await db.run(sql`CREATE INDEX \`funnel_events_visitor_idx\` ON \`funnel_events\` (\`visitor\`);`)
  await db.run(sql`CREATE INDEX \`funnel_events_order_idx\` ON \`funnel_events\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`funnel_events_occurred_at_idx\` ON \`funnel_events\` (\`occurred_at\`);`)
  await db.run(sql`CREATE INDEX \`funnel_events_day_idx\` ON \`funnel_events\` (\`day\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`funnel_events_dedupe_key_idx\` ON \`funnel_events\` (\`dedupe_key\`);`)
  await db.run(sql`CREATE TABLE \`customers\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`openid\` text NOT NULL,
  	\`app_id\` text NOT NULL,
  	\`unionid\` text,
  	\`scope\` text,
  	\`nickname\` text,
  	\`avatar\` text,
  	\`first_seen_article_id\` text(36),
  	\`first_seen_path\` text,
  	\`last_seen_at\` text,
  	\`account_id\` text(36),
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`first_seen_article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`account_id\`) REFERENCES \`wechat_accounts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`customers_openid_idx\` ON \`customers\` (\`openid\`);`)
  await db.run(sql`CREATE INDEX \`customers_unionid_idx\` ON \`customers\` (\`unionid\`);`)
  await db.run(sql`CREATE INDEX \`customers_first_seen_article_idx\` ON \`customers\` (\`first_seen_article_id\`);`)
  await db.run(sql`CREATE INDEX \`customers_account_idx\` ON \`customers\` (\`account_id\`);`)
  await db.run(sql`CREATE INDEX \`customers_brand_idx\` ON \`customers\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`customers_updated_at_idx\` ON \`customers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`customers_created_at_idx\` ON \`customers\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`appId_openid_idx\` ON \`customers\` (\`app_id\`,\`openid\`);`)
  await db.run(sql`CREATE TABLE \`article_stats\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`ref_date\` text,
  	\`msgid\` text NOT NULL,
  	\`title\` text,
  	\`article_id\` text(36),
  	\`account_id\` text(36),
  	\`read_user\` numeric,
  	\`read_count\` numeric,
  	\`ori_read_count\` numeric,
  	\`share_user\` numeric,
  	\`share_count\` numeric,
  	\`fav_count\` numeric,
  	\`target_user\` numeric,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`account_id\`) REFERENCES \`wechat_accounts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`article_stats_key_idx\` ON \`article_stats\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`article_stats_day_idx\` ON \`article_stats\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`article_stats_msgid_idx\` ON \`article_stats\` (\`msgid\`);`)
  await db.run(sql`CREATE INDEX \`article_stats_article_idx\` ON \`article_stats\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`article_stats_account_idx\` ON \`article_stats\` (\`account_id\`);`)
  await db.run(sql`CREATE INDEX \`article_stats_brand_idx\` ON \`article_stats\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`article_stats_updated_at_idx\` ON \`article_stats\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`article_stats_created_at_idx\` ON \`article_stats\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`oauth_nonces\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`nonce\` text NOT NULL,
  	\`expires_at\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`oauth_nonces_nonce_idx\` ON \`oauth_nonces\` (\`nonce\`);`)
  await db.run(sql`CREATE INDEX \`oauth_nonces_expires_at_idx\` ON \`oauth_nonces\` (\`expires_at\`);`)
  await db.run(sql`CREATE TABLE \`order_notifications\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`order_id\` text(36) NOT NULL,
  	\`event\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`retryable\` integer DEFAULT false,
  	\`error\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`template_id\` text,
  	\`msg_id\` text,
  	\`sent_at\` text,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`order_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`order_notifications_key_idx\` ON \`order_notifications\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`order_notifications_order_idx\` ON \`order_notifications\` (\`order_id\`);`)
  await db.run(sql`CREATE INDEX \`order_notifications_brand_idx\` ON \`order_notifications\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`order_notifications_updated_at_idx\` ON \`order_notifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`order_notifications_created_at_idx\` ON \`order_notifications\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`follows\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`account_id\` text(36) NOT NULL,
  	\`openid\` text NOT NULL,
  	\`event\` text NOT NULL,
  	\`scene\` text,
  	\`scene_kind\` text,
  	\`article_id\` text(36),
  	\`community_id\` text(36),
  	\`at\` text NOT NULL,
  	\`brand_id\` text(36) NOT NULL,
  	\`dedupe_key\` text NOT NULL,
  	FOREIGN KEY (\`account_id\`) REFERENCES \`wechat_accounts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`follows_account_idx\` ON \`follows\` (\`account_id\`);`)
  await db.run(sql`CREATE INDEX \`follows_openid_idx\` ON \`follows\` (\`openid\`);`)
  await db.run(sql`CREATE INDEX \`follows_article_idx\` ON \`follows\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`follows_community_idx\` ON \`follows\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`follows_at_idx\` ON \`follows\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`follows_brand_idx\` ON \`follows\` (\`brand_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`follows_dedupe_key_idx\` ON \`follows\` (\`dedupe_key\`);`)
  await db.run(sql`CREATE TABLE \`follow_qr_codes\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`account_id\` text(36) NOT NULL,
  	\`scene\` text NOT NULL,
  	\`ticket\` text NOT NULL,
  	\`url\` text,
  	\`expires_at\` text,
  	\`brand_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`account_id\`) REFERENCES \`wechat_accounts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`follow_qr_codes_account_idx\` ON \`follow_qr_codes\` (\`account_id\`);`)
  await db.run(sql`CREATE INDEX \`follow_qr_codes_brand_idx\` ON \`follow_qr_codes\` (\`brand_id\`);`)
  await db.run(sql`CREATE INDEX \`follow_qr_codes_updated_at_idx\` ON \`follow_qr_codes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`follow_qr_codes_created_at_idx\` ON \`follow_qr_codes\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`account_scene_idx\` ON \`follow_qr_codes\` (\`account_id\`,\`scene\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` text(36),
  	\`products_id\` text(36),
  	\`media_id\` text(36),
  	\`communities_id\` text(36),
  	\`community_events_id\` text(36),
  	\`event_signups_id\` text(36),
  	\`coupons_id\` text(36),
  	\`coupon_claims_id\` text(36),
  	\`community_members_id\` text(36),
  	\`community_counters_id\` text(36),
  	\`orders_id\` text(36),
  	\`payments_id\` text(36),
  	\`order_events_id\` text(36),
  	\`brands_id\` text(36),
  	\`users_id\` text(36),
  	\`pushes_id\` text(36),
  	\`wechat_accounts_id\` text(36),
  	\`wechat_images_id\` text(36),
  	\`funnel_events_id\` text(36),
  	\`customers_id\` text(36),
  	\`article_stats_id\` text(36),
  	\`oauth_nonces_id\` text(36),
  	\`order_notifications_id\` text(36),
  	\`follows_id\` text(36),
  	\`follow_qr_codes_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`products_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communities_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`community_events_id\`) REFERENCES \`community_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`event_signups_id\`) REFERENCES \`event_signups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`coupons_id\`) REFERENCES \`coupons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`coupon_claims_id\`) REFERENCES \`coupon_claims\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`community_members_id\`) REFERENCES \`community_members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`community_counters_id\`) REFERENCES \`community_counters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`orders_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`payments_id\`) REFERENCES \`payments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`order_events_id\`) REFERENCES \`order_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`brands_id\`) REFERENCES \`brands\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pushes_id\`) REFERENCES \`pushes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`wechat_accounts_id\`) REFERENCES \`wechat_accounts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`wechat_images_id\`) REFERENCES \`wechat_images\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`funnel_events_id\`) REFERENCES \`funnel_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`customers_id\`) REFERENCES \`customers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`article_stats_id\`) REFERENCES \`article_stats\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`oauth_nonces_id\`) REFERENCES \`oauth_nonces\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`order_notifications_id\`) REFERENCES \`order_notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`follows_id\`) REFERENCES \`follows\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`follow_qr_codes_id\`) REFERENCES \`follow_qr_codes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_products_id_idx\` ON \`payload_locked_documents_rels\` (\`products_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_communities_id_idx\` ON \`payload_locked_documents_rels\` (\`communities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_community_events_id_idx\` ON \`payload_locked_documents_rels\` (\`community_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_event_signups_id_idx\` ON \`payload_locked_documents_rels\` (\`event_signups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_coupons_id_idx\` ON \`payload_locked_documents_rels\` (\`coupons_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_coupon_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`coupon_claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_community_members_id_idx\` ON \`payload_locked_documents_rels\` (\`community_members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_community_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`community_counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_orders_id_idx\` ON \`payload_locked_documents_rels\` (\`orders_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_payments_id_idx\` ON \`payload_locked_documents_rels\` (\`payments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_events_id_idx\` ON \`payload_locked_documents_rels\` (\`order_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_brands_id_idx\` ON \`payload_locked_documents_rels\` (\`brands_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pushes_id_idx\` ON \`payload_locked_documents_rels\` (\`pushes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_wechat_accounts_id_idx\` ON \`payload_locked_documents_rels\` (\`wechat_accounts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_wechat_images_id_idx\` ON \`payload_locked_documents_rels\` (\`wechat_images_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_funnel_events_id_idx\` ON \`payload_locked_documents_rels\` (\`funnel_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_customers_id_idx\` ON \`payload_locked_documents_rels\` (\`customers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_article_stats_id_idx\` ON \`payload_locked_documents_rels\` (\`article_stats_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_oauth_nonces_id_idx\` ON \`payload_locked_documents_rels\` (\`oauth_nonces_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`order_notifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_follows_id_idx\` ON \`payload_locked_documents_rels\` (\`follows_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_follow_qr_codes_id_idx\` ON \`payload_locked_documents_rels\` (\`follow_qr_codes_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`products_variants\`;`)
  await db.run(sql`DROP TABLE \`products_selling_points\`;`)
  await db.run(sql`DROP TABLE \`products\`;`)
  await db.run(sql`DROP TABLE \`products_rels\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`communities_group_qrs\`;`)
  await db.run(sql`DROP TABLE \`communities\`;`)
  await db.run(sql`DROP TABLE \`communities_rels\`;`)
  await db.run(sql`DROP TABLE \`community_events\`;`)
  await db.run(sql`DROP TABLE \`event_signups\`;`)
  await db.run(sql`DROP TABLE \`coupons\`;`)
  await db.run(sql`DROP TABLE \`coupon_claims\`;`)
  await db.run(sql`DROP TABLE \`community_members\`;`)
  await db.run(sql`DROP TABLE \`community_counters\`;`)
  await db.run(sql`DROP TABLE \`orders_items\`;`)
  await db.run(sql`DROP TABLE \`orders\`;`)
  await db.run(sql`DROP TABLE \`payments\`;`)
  await db.run(sql`DROP TABLE \`order_events\`;`)
  await db.run(sql`DROP TABLE \`brands\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
  await db.run(sql`DROP TABLE \`pushes\`;`)
  await db.run(sql`DROP TABLE \`pushes_rels\`;`)
  await db.run(sql`DROP TABLE \`wechat_accounts_template_ids\`;`)
  await db.run(sql`DROP TABLE \`wechat_accounts\`;`)
  await db.run(sql`DROP TABLE \`wechat_images\`;`)
  await db.run(sql`DROP TABLE \`funnel_events\`;`)
  await db.run(sql`DROP TABLE \`customers\`;`)
  await db.run(sql`DROP TABLE \`article_stats\`;`)
  await db.run(sql`DROP TABLE \`oauth_nonces\`;`)
  await db.run(sql`DROP TABLE \`order_notifications\`;`)
  await db.run(sql`DROP TABLE \`follows\`;`)
  await db.run(sql`DROP TABLE \`follow_qr_codes\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
