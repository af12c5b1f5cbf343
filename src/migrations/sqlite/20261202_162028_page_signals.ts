import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`page_signals\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`path\` text NOT NULL,
  	\`sender\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`page_signals_updated_at_idx\` ON \`page_signals\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`page_signals_created_at_idx\` ON \`page_signals\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`page_signals_id\` text(36) REFERENCES page_signals(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_page_signals_id_idx\` ON \`payload_locked_documents_rels\` (\`page_signals_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`page_signals\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
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
  	\`rate_limits_id\` text(36),
  	\`outbox_id\` text(36),
  	\`funnel_rollups_id\` text(36),
  	\`funnel_marks_id\` text(36),
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
  	FOREIGN KEY (\`follow_qr_codes_id\`) REFERENCES \`follow_qr_codes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rate_limits_id\`) REFERENCES \`rate_limits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`funnel_rollups_id\`) REFERENCES \`funnel_rollups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`funnel_marks_id\`) REFERENCES \`funnel_marks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "products_id", "media_id", "communities_id", "community_events_id", "event_signups_id", "coupons_id", "coupon_claims_id", "community_members_id", "community_counters_id", "orders_id", "payments_id", "order_events_id", "brands_id", "users_id", "pushes_id", "wechat_accounts_id", "wechat_images_id", "funnel_events_id", "customers_id", "article_stats_id", "oauth_nonces_id", "order_notifications_id", "follows_id", "follow_qr_codes_id", "rate_limits_id", "outbox_id", "funnel_rollups_id", "funnel_marks_id") SELECT "id", "order", "parent_id", "path", "articles_id", "products_id", "media_id", "communities_id", "community_events_id", "event_signups_id", "coupons_id", "coupon_claims_id", "community_members_id", "community_counters_id", "orders_id", "payments_id", "order_events_id", "brands_id", "users_id", "pushes_id", "wechat_accounts_id", "wechat_images_id", "funnel_events_id", "customers_id", "article_stats_id", "oauth_nonces_id", "order_notifications_id", "follows_id", "follow_qr_codes_id", "rate_limits_id", "outbox_id", "funnel_rollups_id", "funnel_marks_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rate_limits_id_idx\` ON \`payload_locked_documents_rels\` (\`rate_limits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_funnel_rollups_id_idx\` ON \`payload_locked_documents_rels\` (\`funnel_rollups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_funnel_marks_id_idx\` ON \`payload_locked_documents_rels\` (\`funnel_marks_id\`);`)
}
