import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_products_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_communities_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_community_events_mode" AS ENUM('offline', 'online');
  CREATE TYPE "public"."enum_community_events_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_coupons_kind" AS ENUM('fixed', 'percent');
  CREATE TYPE "public"."enum_coupons_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_coupon_claims_status" AS ENUM('claimed', 'used');
  CREATE TYPE "public"."enum_community_members_source" AS ENUM('joined', 'bought');
  CREATE TYPE "public"."enum_orders_status" AS ENUM('pending_payment', 'paid', 'shipped', 'completed', 'cancelled', 'refunding', 'refunded');
  CREATE TYPE "public"."enum_orders_channel" AS ENUM('jsapi', 'h5', 'native');
  CREATE TYPE "public"."enum_payments_channel" AS ENUM('jsapi', 'h5', 'native');
  CREATE TYPE "public"."enum_payments_status" AS ENUM('pending', 'paid', 'closed', 'failed', 'refunding', 'refunded');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'member');
  CREATE TYPE "public"."enum_users_brands_role" AS ENUM('owner', 'editor', 'operator');
  CREATE TYPE "public"."enum_pushes_scheduled_action" AS ENUM('massSend', 'publish', 'draft');
  CREATE TYPE "public"."enum_pushes_status" AS ENUM('draft', 'queued', 'uploading', 'drafted', 'publishing', 'published', 'sent', 'failed', 'needs_manual_publish');
  CREATE TYPE "public"."enum_wechat_accounts_account_type" AS ENUM('subscription', 'service');
  CREATE TYPE "public"."enum_wechat_accounts_callback_mode" AS ENUM('plaintext', 'compatible', 'safe');
  CREATE TYPE "public"."enum_wechat_images_kind" AS ENUM('body', 'material', 'cover');
  CREATE TYPE "public"."enum_funnel_events_type" AS ENUM('article_view', 'block_impression', 'block_tap', 'landing_view', 'checkout_started', 'paid', 'refunded', 'follow');
  CREATE TYPE "public"."enum_funnel_events_channel" AS ENUM('web', 'qr', 'read_more', 'mini_program', 'share', 'moments', 'community', 'other');
  CREATE TYPE "public"."enum_customers_scope" AS ENUM('snsapi_base', 'snsapi_userinfo');
  CREATE TYPE "public"."enum_article_stats_kind" AS ENUM('daily', 'total');
  CREATE TYPE "public"."enum_order_notifications_event" AS ENUM('paid', 'shipped', 'refunded');
  CREATE TYPE "public"."enum_order_notifications_status" AS ENUM('pending', 'sent', 'failed', 'skipped');
  CREATE TYPE "public"."enum_follows_event" AS ENUM('subscribe', 'scan');
  CREATE TYPE "public"."enum_follows_scene_kind" AS ENUM('article', 'community');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireOrders', 'reconcilePayments', 'publishPush', 'importWechatStats', 'notifyOrder', 'drainOutbox', 'pruneFunnelEvents', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireOrders', 'reconcilePayments', 'publishPush', 'importWechatStats', 'notifyOrder', 'drainOutbox', 'pruneFunnelEvents', 'schedulePublish');
  CREATE TABLE "articles" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"author" varchar,
  	"cover_id" uuid,
  	"digest" varchar,
  	"content" jsonb,
  	"brand_id" uuid,
  	"slug" varchar,
  	"scheduled_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_articles_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar,
  	"version_author" varchar,
  	"version_cover_id" uuid,
  	"version_digest" varchar,
  	"version_content" jsonb,
  	"version_brand_id" uuid,
  	"version_slug" varchar,
  	"version_scheduled_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "products_variants" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"sku" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"price" numeric,
  	"stock" numeric DEFAULT 0 NOT NULL
  );
  
  CREATE TABLE "products_selling_points" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL
  );
  
  CREATE TABLE "products" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"price" numeric NOT NULL,
  	"compare_at_price" numeric,
  	"stock" numeric DEFAULT 0 NOT NULL,
  	"description" varchar,
  	"max_per_order" numeric DEFAULT 20,
  	"payment_window_minutes" numeric,
  	"sale_starts_at" timestamp(3) with time zone,
  	"limit_per_buyer" numeric,
  	"brand_id" uuid NOT NULL,
  	"slug" varchar NOT NULL,
  	"status" "enum_products_status" DEFAULT 'draft' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "products_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" uuid
  );
  
  CREATE TABLE "media" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"alt" varchar NOT NULL,
  	"brand_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar
  );
  
  CREATE TABLE "communities_group_qrs" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"image_id" uuid NOT NULL,
  	"label" varchar,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"full" boolean DEFAULT false
  );
  
  CREATE TABLE "communities" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"intro" varchar,
  	"cover_id" uuid,
  	"story" varchar,
  	"admin_contact_qr_id" uuid,
  	"brand_id" uuid NOT NULL,
  	"slug" varchar NOT NULL,
  	"status" "enum_communities_status" DEFAULT 'draft' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "communities_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" uuid,
  	"products_id" uuid
  );
  
  CREATE TABLE "community_events" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"community_id" uuid NOT NULL,
  	"cover_id" uuid,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"ends_at" timestamp(3) with time zone,
  	"mode" "enum_community_events_mode" DEFAULT 'offline' NOT NULL,
  	"place" varchar,
  	"description" varchar,
  	"capacity" numeric NOT NULL,
  	"brand_id" uuid NOT NULL,
  	"status" "enum_community_events_status" DEFAULT 'draft' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "event_signups" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"event_id" uuid NOT NULL,
  	"community_id" uuid NOT NULL,
  	"name" varchar,
  	"phone" varchar,
  	"reader" varchar NOT NULL,
  	"unique_key" varchar NOT NULL,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "coupons" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"community_id" uuid NOT NULL,
  	"kind" "enum_coupons_kind" DEFAULT 'fixed' NOT NULL,
  	"amount_off" numeric,
  	"percent_off" numeric,
  	"min_spend" numeric DEFAULT 0,
  	"valid_from" timestamp(3) with time zone NOT NULL,
  	"valid_until" timestamp(3) with time zone NOT NULL,
  	"total_quantity" numeric NOT NULL,
  	"per_person_limit" numeric DEFAULT 1 NOT NULL,
  	"brand_id" uuid NOT NULL,
  	"status" "enum_coupons_status" DEFAULT 'draft' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "coupon_claims" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"coupon_id" uuid NOT NULL,
  	"community_id" uuid NOT NULL,
  	"code" varchar NOT NULL,
  	"status" "enum_coupon_claims_status" DEFAULT 'claimed' NOT NULL,
  	"order_ref" varchar,
  	"used_at" timestamp(3) with time zone,
  	"reader" varchar NOT NULL,
  	"unique_key" varchar NOT NULL,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "community_members" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"community_id" uuid NOT NULL,
  	"number" numeric NOT NULL,
  	"source" "enum_community_members_source" DEFAULT 'joined' NOT NULL,
  	"reader" varchar NOT NULL,
  	"unique_key" varchar NOT NULL,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "community_counters" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"used" numeric DEFAULT 0 NOT NULL,
  	"max" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "orders_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"product_id" uuid NOT NULL,
  	"variant" varchar,
  	"variant_name" varchar,
  	"title" varchar NOT NULL,
  	"unit_price" numeric NOT NULL,
  	"quantity" numeric NOT NULL
  );
  
  CREATE TABLE "orders" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"number" varchar NOT NULL,
  	"status" "enum_orders_status" DEFAULT 'pending_payment' NOT NULL,
  	"subtotal" numeric,
  	"discount" numeric,
  	"total" numeric NOT NULL,
  	"coupon_claim_id" uuid,
  	"buyer_name" varchar,
  	"buyer_phone" varchar,
  	"buyer_address" varchar,
  	"customer_id" uuid,
  	"reader_id" uuid,
  	"attribution_article" varchar,
  	"attribution_block" numeric,
  	"attribution_sharer" varchar,
  	"attribution_visitor" varchar,
  	"channel" "enum_orders_channel",
  	"expires_at" timestamp(3) with time zone,
  	"paid_at" timestamp(3) with time zone,
  	"access_token_hash" varchar,
  	"access_token_encrypted" varchar,
  	"buyer_key" varchar,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payments" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"order_id" uuid NOT NULL,
  	"out_trade_no" varchar NOT NULL,
  	"attempt" numeric NOT NULL,
  	"channel" "enum_payments_channel" NOT NULL,
  	"amount" numeric NOT NULL,
  	"status" "enum_payments_status" DEFAULT 'pending' NOT NULL,
  	"sandbox" boolean DEFAULT false,
  	"prepay_id" varchar,
  	"pay_url" varchar,
  	"payer_openid" varchar,
  	"transaction_id" varchar,
  	"paid_at" timestamp(3) with time zone,
  	"settled_by" varchar,
  	"out_refund_no" varchar,
  	"refund_status" varchar,
  	"note" varchar,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "order_events" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"order_id" uuid NOT NULL,
  	"from" varchar,
  	"to" varchar NOT NULL,
  	"reason" varchar,
  	"actor" varchar,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "brands" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"logo_id" uuid,
  	"primary_color" varchar DEFAULT '#07c160',
  	"mini_program_app_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_users_roles",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "users_brands" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"brand_id" uuid,
  	"role" "enum_users_brands_role" DEFAULT 'editor'
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "pushes" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"account_id" uuid NOT NULL,
  	"scheduled_at" timestamp(3) with time zone,
  	"scheduled_action" "enum_pushes_scheduled_action" DEFAULT 'massSend',
  	"status" "enum_pushes_status" DEFAULT 'draft' NOT NULL,
  	"action" varchar,
  	"steps" jsonb,
  	"media_id" varchar,
  	"draft_articles" jsonb,
  	"publish_id" varchar,
  	"msg_id" varchar,
  	"wechat_article_id" varchar,
  	"published_urls" jsonb,
  	"last_error" varchar,
  	"job_id" varchar,
  	"scheduled_job_id" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"published_at" timestamp(3) with time zone,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "pushes_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" uuid
  );
  
  CREATE TABLE "wechat_accounts_template_ids" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"template_id" varchar NOT NULL,
  	"keywords" varchar
  );
  
  CREATE TABLE "wechat_accounts" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"app_id" varchar NOT NULL,
  	"app_secret" varchar,
  	"app_secret_encrypted" varchar,
  	"has_app_secret" boolean DEFAULT false,
  	"account_type" "enum_wechat_accounts_account_type" DEFAULT 'subscription' NOT NULL,
  	"verified" boolean DEFAULT false,
  	"mini_program_app_id" varchar,
  	"callback_token" varchar,
  	"callback_token_encrypted" varchar,
  	"has_callback_token" boolean DEFAULT false,
  	"callback_mode" "enum_wechat_accounts_callback_mode" DEFAULT 'plaintext',
  	"encoding_a_e_s_key" varchar,
  	"encoding_a_e_s_key_encrypted" varchar,
  	"has_encoding_a_e_s_key" boolean DEFAULT false,
  	"sandbox" boolean DEFAULT false,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "wechat_images" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"scope" varchar NOT NULL,
  	"kind" "enum_wechat_images_kind" NOT NULL,
  	"hash" varchar NOT NULL,
  	"url" varchar,
  	"media_id" varchar,
  	"bytes" numeric,
  	"format" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "funnel_events" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"type" "enum_funnel_events_type" NOT NULL,
  	"brand_id" uuid NOT NULL,
  	"article" varchar,
  	"block" numeric,
  	"product" varchar,
  	"channel" "enum_funnel_events_channel",
  	"sharer" varchar,
  	"visitor" varchar,
  	"order" varchar,
  	"amount" numeric,
  	"items" jsonb,
  	"occurred_at" timestamp(3) with time zone NOT NULL,
  	"day" varchar NOT NULL,
  	"dedupe_key" varchar
  );
  
  CREATE TABLE "customers" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"openid" varchar NOT NULL,
  	"app_id" varchar NOT NULL,
  	"unionid" varchar,
  	"scope" "enum_customers_scope",
  	"nickname" varchar,
  	"avatar" varchar,
  	"first_seen_article_id" uuid,
  	"first_seen_path" varchar,
  	"last_seen_at" timestamp(3) with time zone,
  	"account_id" uuid,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "article_stats" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"kind" "enum_article_stats_kind" NOT NULL,
  	"day" varchar NOT NULL,
  	"ref_date" varchar,
  	"msgid" varchar NOT NULL,
  	"title" varchar,
  	"article_id" uuid,
  	"account_id" uuid,
  	"read_user" numeric,
  	"read_count" numeric,
  	"ori_read_count" numeric,
  	"share_user" numeric,
  	"share_count" numeric,
  	"fav_count" numeric,
  	"target_user" numeric,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "oauth_nonces" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"nonce" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "order_notifications" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"order_id" uuid NOT NULL,
  	"event" "enum_order_notifications_event" NOT NULL,
  	"status" "enum_order_notifications_status" DEFAULT 'pending' NOT NULL,
  	"retryable" boolean DEFAULT false,
  	"error" varchar,
  	"attempts" numeric DEFAULT 0,
  	"template_id" varchar,
  	"msg_id" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "follows" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"account_id" uuid NOT NULL,
  	"openid" varchar NOT NULL,
  	"event" "enum_follows_event" NOT NULL,
  	"scene" varchar,
  	"scene_kind" "enum_follows_scene_kind",
  	"article_id" uuid,
  	"community_id" uuid,
  	"at" timestamp(3) with time zone NOT NULL,
  	"brand_id" uuid NOT NULL,
  	"dedupe_key" varchar NOT NULL
  );
  
  CREATE TABLE "follow_qr_codes" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"account_id" uuid NOT NULL,
  	"scene" varchar NOT NULL,
  	"ticket" varchar NOT NULL,
  	"url" varchar,
  	"expires_at" timestamp(3) with time zone,
  	"brand_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rate_limits" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"count" numeric DEFAULT 0 NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "outbox" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"topic" varchar NOT NULL,
  	"data" jsonb NOT NULL,
  	"available_at" timestamp(3) with time zone NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"claimed_until" timestamp(3) with time zone,
  	"done_at" timestamp(3) with time zone,
  	"last_error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "funnel_rollups" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"grain" varchar NOT NULL,
  	"brand" varchar NOT NULL,
  	"day" varchar NOT NULL,
  	"bucket" varchar NOT NULL,
  	"article" varchar DEFAULT '' NOT NULL,
  	"block" numeric DEFAULT -1 NOT NULL,
  	"product" varchar DEFAULT '' NOT NULL,
  	"type" varchar NOT NULL,
  	"channel" varchar DEFAULT '' NOT NULL,
  	"count" numeric DEFAULT 0 NOT NULL,
  	"visitors" numeric DEFAULT 0 NOT NULL,
  	"amount" numeric DEFAULT 0 NOT NULL,
  	"units" numeric DEFAULT 0 NOT NULL
  );
  
  CREATE TABLE "funnel_marks" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"day" varchar NOT NULL,
  	"n" numeric DEFAULT 0 NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" uuid,
  	"products_id" uuid,
  	"media_id" uuid,
  	"communities_id" uuid,
  	"community_events_id" uuid,
  	"event_signups_id" uuid,
  	"coupons_id" uuid,
  	"coupon_claims_id" uuid,
  	"community_members_id" uuid,
  	"community_counters_id" uuid,
  	"orders_id" uuid,
  	"payments_id" uuid,
  	"order_events_id" uuid,
  	"brands_id" uuid,
  	"users_id" uuid,
  	"pushes_id" uuid,
  	"wechat_accounts_id" uuid,
  	"wechat_images_id" uuid,
  	"funnel_events_id" uuid,
  	"customers_id" uuid,
  	"article_stats_id" uuid,
  	"oauth_nonces_id" uuid,
  	"order_notifications_id" uuid,
  	"follows_id" uuid,
  	"follow_qr_codes_id" uuid,
  	"rate_limits_id" uuid,
  	"outbox_id" uuid,
  	"funnel_rollups_id" uuid,
  	"funnel_marks_id" uuid
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "articles" ADD CONSTRAINT "articles_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_cover_id_media_id_fk" FOREIGN KEY ("version_cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_brand_id_brands_id_fk" FOREIGN KEY ("version_brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "products_variants" ADD CONSTRAINT "products_variants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "products_selling_points" ADD CONSTRAINT "products_selling_points_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "products" ADD CONSTRAINT "products_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "products_rels" ADD CONSTRAINT "products_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "products_rels" ADD CONSTRAINT "products_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "communities_group_qrs" ADD CONSTRAINT "communities_group_qrs_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "communities_group_qrs" ADD CONSTRAINT "communities_group_qrs_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "communities" ADD CONSTRAINT "communities_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "communities" ADD CONSTRAINT "communities_admin_contact_qr_id_media_id_fk" FOREIGN KEY ("admin_contact_qr_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "communities" ADD CONSTRAINT "communities_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "communities_rels" ADD CONSTRAINT "communities_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "communities_rels" ADD CONSTRAINT "communities_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "communities_rels" ADD CONSTRAINT "communities_rels_products_fk" FOREIGN KEY ("products_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "community_events" ADD CONSTRAINT "community_events_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_events" ADD CONSTRAINT "community_events_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_events" ADD CONSTRAINT "community_events_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupons" ADD CONSTRAINT "coupons_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupons" ADD CONSTRAINT "coupons_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupon_claims" ADD CONSTRAINT "coupon_claims_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupon_claims" ADD CONSTRAINT "coupon_claims_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupon_claims" ADD CONSTRAINT "coupon_claims_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_members" ADD CONSTRAINT "community_members_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_members" ADD CONSTRAINT "community_members_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders_items" ADD CONSTRAINT "orders_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders_items" ADD CONSTRAINT "orders_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_coupon_claim_id_coupon_claims_id_fk" FOREIGN KEY ("coupon_claim_id") REFERENCES "public"."coupon_claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_reader_id_customers_id_fk" FOREIGN KEY ("reader_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_events" ADD CONSTRAINT "order_events_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "brands" ADD CONSTRAINT "brands_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_brands" ADD CONSTRAINT "users_brands_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_brands" ADD CONSTRAINT "users_brands_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pushes" ADD CONSTRAINT "pushes_account_id_wechat_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."wechat_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pushes" ADD CONSTRAINT "pushes_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pushes_rels" ADD CONSTRAINT "pushes_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pushes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pushes_rels" ADD CONSTRAINT "pushes_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "wechat_accounts_template_ids" ADD CONSTRAINT "wechat_accounts_template_ids_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."wechat_accounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "wechat_accounts" ADD CONSTRAINT "wechat_accounts_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "funnel_events" ADD CONSTRAINT "funnel_events_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "customers" ADD CONSTRAINT "customers_first_seen_article_id_articles_id_fk" FOREIGN KEY ("first_seen_article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "customers" ADD CONSTRAINT "customers_account_id_wechat_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."wechat_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "customers" ADD CONSTRAINT "customers_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "article_stats" ADD CONSTRAINT "article_stats_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "article_stats" ADD CONSTRAINT "article_stats_account_id_wechat_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."wechat_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "article_stats" ADD CONSTRAINT "article_stats_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_notifications" ADD CONSTRAINT "order_notifications_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_notifications" ADD CONSTRAINT "order_notifications_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "follows" ADD CONSTRAINT "follows_account_id_wechat_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."wechat_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "follows" ADD CONSTRAINT "follows_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "follows" ADD CONSTRAINT "follows_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "follows" ADD CONSTRAINT "follows_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "follow_qr_codes" ADD CONSTRAINT "follow_qr_codes_account_id_wechat_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."wechat_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "follow_qr_codes" ADD CONSTRAINT "follow_qr_codes_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_products_fk" FOREIGN KEY ("products_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_communities_fk" FOREIGN KEY ("communities_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_community_events_fk" FOREIGN KEY ("community_events_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_signups_fk" FOREIGN KEY ("event_signups_id") REFERENCES "public"."event_signups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_coupons_fk" FOREIGN KEY ("coupons_id") REFERENCES "public"."coupons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_coupon_claims_fk" FOREIGN KEY ("coupon_claims_id") REFERENCES "public"."coupon_claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_community_members_fk" FOREIGN KEY ("community_members_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_community_counters_fk" FOREIGN KEY ("community_counters_id") REFERENCES "public"."community_counters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_orders_fk" FOREIGN KEY ("orders_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_payments_fk" FOREIGN KEY ("payments_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_order_events_fk" FOREIGN KEY ("order_events_id") REFERENCES "public"."order_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_brands_fk" FOREIGN KEY ("brands_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pushes_fk" FOREIGN KEY ("pushes_id") REFERENCES "public"."pushes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_wechat_accounts_fk" FOREIGN KEY ("wechat_accounts_id") REFERENCES "public"."wechat_accounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_wechat_images_fk" FOREIGN KEY ("wechat_images_id") REFERENCES "public"."wechat_images"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_funnel_events_fk" FOREIGN KEY ("funnel_events_id") REFERENCES "public"."funnel_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_customers_fk" FOREIGN KEY ("customers_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_article_stats_fk" FOREIGN KEY ("article_stats_id") REFERENCES "public"."article_stats"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_oauth_nonces_fk" FOREIGN KEY ("oauth_nonces_id") REFERENCES "public"."oauth_nonces"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_order_notifications_fk" FOREIGN KEY ("order_notifications_id") REFERENCES "public"."order_notifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_follows_fk" FOREIGN KEY ("follows_id") REFERENCES "public"."follows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_follow_qr_codes_fk" FOREIGN KEY ("follow_qr_codes_id") REFERENCES "public"."follow_qr_codes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rate_limits_fk" FOREIGN KEY ("rate_limits_id") REFERENCES "public"."rate_limits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_outbox_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_funnel_rollups_fk" FOREIGN KEY ("funnel_rollups_id") REFERENCES "public"."funnel_rollups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_funnel_marks_fk" FOREIGN KEY ("funnel_marks_id") REFERENCES "public"."funnel_marks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_cover_idx" ON "articles" USING btree ("cover_id");
  CREATE INDEX "articles_brand_idx" ON "articles" USING btree ("brand_id");
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_cover_idx" ON "_articles_v" USING btree ("version_cover_id");
  CREATE INDEX "_articles_v_version_version_brand_idx" ON "_articles_v" USING btree ("version_brand_id");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v" USING btree ("version_slug");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "products_variants_order_idx" ON "products_variants" USING btree ("_order");
  CREATE INDEX "products_variants_parent_id_idx" ON "products_variants" USING btree ("_parent_id");
  CREATE INDEX "products_selling_points_order_idx" ON "products_selling_points" USING btree ("_order");
  CREATE INDEX "products_selling_points_parent_id_idx" ON "products_selling_points" USING btree ("_parent_id");
  CREATE INDEX "products_brand_idx" ON "products" USING btree ("brand_id");
  CREATE UNIQUE INDEX "products_slug_idx" ON "products" USING btree ("slug");
  CREATE INDEX "products_status_idx" ON "products" USING btree ("status");
  CREATE INDEX "products_updated_at_idx" ON "products" USING btree ("updated_at");
  CREATE INDEX "products_created_at_idx" ON "products" USING btree ("created_at");
  CREATE INDEX "products_rels_order_idx" ON "products_rels" USING btree ("order");
  CREATE INDEX "products_rels_parent_idx" ON "products_rels" USING btree ("parent_id");
  CREATE INDEX "products_rels_path_idx" ON "products_rels" USING btree ("path");
  CREATE INDEX "products_rels_media_id_idx" ON "products_rels" USING btree ("media_id");
  CREATE INDEX "media_brand_idx" ON "media" USING btree ("brand_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_hero_sizes_hero_filename_idx" ON "media" USING btree ("sizes_hero_filename");
  CREATE INDEX "communities_group_qrs_order_idx" ON "communities_group_qrs" USING btree ("_order");
  CREATE INDEX "communities_group_qrs_parent_id_idx" ON "communities_group_qrs" USING btree ("_parent_id");
  CREATE INDEX "communities_group_qrs_image_idx" ON "communities_group_qrs" USING btree ("image_id");
  CREATE INDEX "communities_cover_idx" ON "communities" USING btree ("cover_id");
  CREATE INDEX "communities_admin_contact_qr_idx" ON "communities" USING btree ("admin_contact_qr_id");
  CREATE INDEX "communities_brand_idx" ON "communities" USING btree ("brand_id");
  CREATE UNIQUE INDEX "communities_slug_idx" ON "communities" USING btree ("slug");
  CREATE INDEX "communities_status_idx" ON "communities" USING btree ("status");
  CREATE INDEX "communities_updated_at_idx" ON "communities" USING btree ("updated_at");
  CREATE INDEX "communities_created_at_idx" ON "communities" USING btree ("created_at");
  CREATE INDEX "communities_rels_order_idx" ON "communities_rels" USING btree ("order");
  CREATE INDEX "communities_rels_parent_idx" ON "communities_rels" USING btree ("parent_id");
  CREATE INDEX "communities_rels_path_idx" ON "communities_rels" USING btree ("path");
  CREATE INDEX "communities_rels_articles_id_idx" ON "communities_rels" USING btree ("articles_id");
  CREATE INDEX "communities_rels_products_id_idx" ON "communities_rels" USING btree ("products_id");
  CREATE INDEX "community_events_community_idx" ON "community_events" USING btree ("community_id");
  CREATE INDEX "community_events_cover_idx" ON "community_events" USING btree ("cover_id");
  CREATE INDEX "community_events_starts_at_idx" ON "community_events" USING btree ("starts_at");
  CREATE INDEX "community_events_brand_idx" ON "community_events" USING btree ("brand_id");
  CREATE INDEX "community_events_status_idx" ON "community_events" USING btree ("status");
  CREATE INDEX "community_events_updated_at_idx" ON "community_events" USING btree ("updated_at");
  CREATE INDEX "community_events_created_at_idx" ON "community_events" USING btree ("created_at");
  CREATE INDEX "event_signups_event_idx" ON "event_signups" USING btree ("event_id");
  CREATE INDEX "event_signups_community_idx" ON "event_signups" USING btree ("community_id");
  CREATE INDEX "event_signups_reader_idx" ON "event_signups" USING btree ("reader");
  CREATE UNIQUE INDEX "event_signups_unique_key_idx" ON "event_signups" USING btree ("unique_key");
  CREATE INDEX "event_signups_brand_idx" ON "event_signups" USING btree ("brand_id");
  CREATE INDEX "event_signups_updated_at_idx" ON "event_signups" USING btree ("updated_at");
  CREATE INDEX "event_signups_created_at_idx" ON "event_signups" USING btree ("created_at");
  CREATE INDEX "coupons_community_idx" ON "coupons" USING btree ("community_id");
  CREATE INDEX "coupons_valid_until_idx" ON "coupons" USING btree ("valid_until");
  CREATE INDEX "coupons_brand_idx" ON "coupons" USING btree ("brand_id");
  CREATE INDEX "coupons_status_idx" ON "coupons" USING btree ("status");
  CREATE INDEX "coupons_updated_at_idx" ON "coupons" USING btree ("updated_at");
  CREATE INDEX "coupons_created_at_idx" ON "coupons" USING btree ("created_at");
  CREATE INDEX "coupon_claims_coupon_idx" ON "coupon_claims" USING btree ("coupon_id");
  CREATE INDEX "coupon_claims_community_idx" ON "coupon_claims" USING btree ("community_id");
  CREATE UNIQUE INDEX "coupon_claims_code_idx" ON "coupon_claims" USING btree ("code");
  CREATE INDEX "coupon_claims_status_idx" ON "coupon_claims" USING btree ("status");
  CREATE INDEX "coupon_claims_reader_idx" ON "coupon_claims" USING btree ("reader");
  CREATE UNIQUE INDEX "coupon_claims_unique_key_idx" ON "coupon_claims" USING btree ("unique_key");
  CREATE INDEX "coupon_claims_brand_idx" ON "coupon_claims" USING btree ("brand_id");
  CREATE INDEX "coupon_claims_updated_at_idx" ON "coupon_claims" USING btree ("updated_at");
  CREATE INDEX "coupon_claims_created_at_idx" ON "coupon_claims" USING btree ("created_at");
  CREATE INDEX "community_members_community_idx" ON "community_members" USING btree ("community_id");
  CREATE INDEX "community_members_reader_idx" ON "community_members" USING btree ("reader");
  CREATE UNIQUE INDEX "community_members_unique_key_idx" ON "community_members" USING btree ("unique_key");
  CREATE INDEX "community_members_brand_idx" ON "community_members" USING btree ("brand_id");
  CREATE INDEX "community_members_updated_at_idx" ON "community_members" USING btree ("updated_at");
  CREATE INDEX "community_members_created_at_idx" ON "community_members" USING btree ("created_at");
  CREATE UNIQUE INDEX "community_counters_key_idx" ON "community_counters" USING btree ("key");
  CREATE INDEX "community_counters_updated_at_idx" ON "community_counters" USING btree ("updated_at");
  CREATE INDEX "community_counters_created_at_idx" ON "community_counters" USING btree ("created_at");
  CREATE INDEX "orders_items_order_idx" ON "orders_items" USING btree ("_order");
  CREATE INDEX "orders_items_parent_id_idx" ON "orders_items" USING btree ("_parent_id");
  CREATE INDEX "orders_items_product_idx" ON "orders_items" USING btree ("product_id");
  CREATE UNIQUE INDEX "orders_number_idx" ON "orders" USING btree ("number");
  CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status");
  CREATE INDEX "orders_coupon_claim_idx" ON "orders" USING btree ("coupon_claim_id");
  CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id");
  CREATE INDEX "orders_reader_idx" ON "orders" USING btree ("reader_id");
  CREATE INDEX "orders_attribution_attribution_article_idx" ON "orders" USING btree ("attribution_article");
  CREATE INDEX "orders_expires_at_idx" ON "orders" USING btree ("expires_at");
  CREATE INDEX "orders_access_token_hash_idx" ON "orders" USING btree ("access_token_hash");
  CREATE INDEX "orders_brand_idx" ON "orders" USING btree ("brand_id");
  CREATE INDEX "orders_updated_at_idx" ON "orders" USING btree ("updated_at");
  CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at");
  CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");
  CREATE UNIQUE INDEX "payments_out_trade_no_idx" ON "payments" USING btree ("out_trade_no");
  CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status");
  CREATE INDEX "payments_transaction_id_idx" ON "payments" USING btree ("transaction_id");
  CREATE INDEX "payments_out_refund_no_idx" ON "payments" USING btree ("out_refund_no");
  CREATE INDEX "payments_brand_idx" ON "payments" USING btree ("brand_id");
  CREATE INDEX "payments_updated_at_idx" ON "payments" USING btree ("updated_at");
  CREATE INDEX "payments_created_at_idx" ON "payments" USING btree ("created_at");
  CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id");
  CREATE INDEX "order_events_brand_idx" ON "order_events" USING btree ("brand_id");
  CREATE INDEX "order_events_updated_at_idx" ON "order_events" USING btree ("updated_at");
  CREATE INDEX "order_events_created_at_idx" ON "order_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "brands_slug_idx" ON "brands" USING btree ("slug");
  CREATE INDEX "brands_logo_idx" ON "brands" USING btree ("logo_id");
  CREATE INDEX "brands_updated_at_idx" ON "brands" USING btree ("updated_at");
  CREATE INDEX "brands_created_at_idx" ON "brands" USING btree ("created_at");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_brands_order_idx" ON "users_brands" USING btree ("_order");
  CREATE INDEX "users_brands_parent_id_idx" ON "users_brands" USING btree ("_parent_id");
  CREATE INDEX "users_brands_brand_idx" ON "users_brands" USING btree ("brand_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "pushes_account_idx" ON "pushes" USING btree ("account_id");
  CREATE INDEX "pushes_status_idx" ON "pushes" USING btree ("status");
  CREATE INDEX "pushes_publish_id_idx" ON "pushes" USING btree ("publish_id");
  CREATE INDEX "pushes_msg_id_idx" ON "pushes" USING btree ("msg_id");
  CREATE INDEX "pushes_brand_idx" ON "pushes" USING btree ("brand_id");
  CREATE INDEX "pushes_updated_at_idx" ON "pushes" USING btree ("updated_at");
  CREATE INDEX "pushes_created_at_idx" ON "pushes" USING btree ("created_at");
  CREATE INDEX "pushes_rels_order_idx" ON "pushes_rels" USING btree ("order");
  CREATE INDEX "pushes_rels_parent_idx" ON "pushes_rels" USING btree ("parent_id");
  CREATE INDEX "pushes_rels_path_idx" ON "pushes_rels" USING btree ("path");
  CREATE INDEX "pushes_rels_articles_id_idx" ON "pushes_rels" USING btree ("articles_id");
  CREATE INDEX "wechat_accounts_template_ids_order_idx" ON "wechat_accounts_template_ids" USING btree ("_order");
  CREATE INDEX "wechat_accounts_template_ids_parent_id_idx" ON "wechat_accounts_template_ids" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "wechat_accounts_app_id_idx" ON "wechat_accounts" USING btree ("app_id");
  CREATE INDEX "wechat_accounts_brand_idx" ON "wechat_accounts" USING btree ("brand_id");
  CREATE INDEX "wechat_accounts_updated_at_idx" ON "wechat_accounts" USING btree ("updated_at");
  CREATE INDEX "wechat_accounts_created_at_idx" ON "wechat_accounts" USING btree ("created_at");
  CREATE UNIQUE INDEX "wechat_images_key_idx" ON "wechat_images" USING btree ("key");
  CREATE INDEX "wechat_images_scope_idx" ON "wechat_images" USING btree ("scope");
  CREATE INDEX "wechat_images_updated_at_idx" ON "wechat_images" USING btree ("updated_at");
  CREATE INDEX "wechat_images_created_at_idx" ON "wechat_images" USING btree ("created_at");
  CREATE INDEX "funnel_events_brand_idx" ON "funnel_events" USING btree ("brand_id");
  CREATE INDEX "funnel_events_order_idx" ON "funnel_events" USING btree ("order");
  CREATE INDEX "funnel_events_day_idx" ON "funnel_events" USING btree ("day");
  CREATE UNIQUE INDEX "funnel_events_dedupe_key_idx" ON "funnel_events" USING btree ("dedupe_key");
  CREATE INDEX "customers_openid_idx" ON "customers" USING btree ("openid");
  CREATE INDEX "customers_unionid_idx" ON "customers" USING btree ("unionid");
  CREATE INDEX "customers_first_seen_article_idx" ON "customers" USING btree ("first_seen_article_id");
  CREATE INDEX "customers_account_idx" ON "customers" USING btree ("account_id");
  CREATE INDEX "customers_brand_idx" ON "customers" USING btree ("brand_id");
  CREATE INDEX "customers_updated_at_idx" ON "customers" USING btree ("updated_at");
  CREATE INDEX "customers_created_at_idx" ON "customers" USING btree ("created_at");
  CREATE UNIQUE INDEX "appId_openid_idx" ON "customers" USING btree ("app_id","openid");
  CREATE UNIQUE INDEX "article_stats_key_idx" ON "article_stats" USING btree ("key");
  CREATE INDEX "article_stats_day_idx" ON "article_stats" USING btree ("day");
  CREATE INDEX "article_stats_msgid_idx" ON "article_stats" USING btree ("msgid");
  CREATE INDEX "article_stats_article_idx" ON "article_stats" USING btree ("article_id");
  CREATE INDEX "article_stats_account_idx" ON "article_stats" USING btree ("account_id");
  CREATE INDEX "article_stats_brand_idx" ON "article_stats" USING btree ("brand_id");
  CREATE INDEX "article_stats_updated_at_idx" ON "article_stats" USING btree ("updated_at");
  CREATE INDEX "article_stats_created_at_idx" ON "article_stats" USING btree ("created_at");
  CREATE UNIQUE INDEX "oauth_nonces_nonce_idx" ON "oauth_nonces" USING btree ("nonce");
  CREATE INDEX "oauth_nonces_expires_at_idx" ON "oauth_nonces" USING btree ("expires_at");
  CREATE UNIQUE INDEX "order_notifications_key_idx" ON "order_notifications" USING btree ("key");
  CREATE INDEX "order_notifications_order_idx" ON "order_notifications" USING btree ("order_id");
  CREATE INDEX "order_notifications_brand_idx" ON "order_notifications" USING btree ("brand_id");
  CREATE INDEX "order_notifications_updated_at_idx" ON "order_notifications" USING btree ("updated_at");
  CREATE INDEX "order_notifications_created_at_idx" ON "order_notifications" USING btree ("created_at");
  CREATE INDEX "follows_account_idx" ON "follows" USING btree ("account_id");
  CREATE INDEX "follows_openid_idx" ON "follows" USING btree ("openid");
  CREATE INDEX "follows_article_idx" ON "follows" USING btree ("article_id");
  CREATE INDEX "follows_community_idx" ON "follows" USING btree ("community_id");
  CREATE INDEX "follows_at_idx" ON "follows" USING btree ("at");
  CREATE INDEX "follows_brand_idx" ON "follows" USING btree ("brand_id");
  CREATE UNIQUE INDEX "follows_dedupe_key_idx" ON "follows" USING btree ("dedupe_key");
  CREATE INDEX "follow_qr_codes_account_idx" ON "follow_qr_codes" USING btree ("account_id");
  CREATE INDEX "follow_qr_codes_brand_idx" ON "follow_qr_codes" USING btree ("brand_id");
  CREATE INDEX "follow_qr_codes_updated_at_idx" ON "follow_qr_codes" USING btree ("updated_at");
  CREATE INDEX "follow_qr_codes_created_at_idx" ON "follow_qr_codes" USING btree ("created_at");
  CREATE UNIQUE INDEX "account_scene_idx" ON "follow_qr_codes" USING btree ("account_id","scene");
  CREATE UNIQUE INDEX "rate_limits_key_idx" ON "rate_limits" USING btree ("key");
  CREATE INDEX "rate_limits_expires_at_idx" ON "rate_limits" USING btree ("expires_at");
  CREATE INDEX "outbox_topic_idx" ON "outbox" USING btree ("topic");
  CREATE INDEX "outbox_available_at_idx" ON "outbox" USING btree ("available_at");
  CREATE INDEX "outbox_done_at_idx" ON "outbox" USING btree ("done_at");
  CREATE INDEX "outbox_updated_at_idx" ON "outbox" USING btree ("updated_at");
  CREATE INDEX "outbox_created_at_idx" ON "outbox" USING btree ("created_at");
  CREATE UNIQUE INDEX "funnel_rollups_key_idx" ON "funnel_rollups" USING btree ("key");
  CREATE INDEX "grain_brand_day_idx" ON "funnel_rollups" USING btree ("grain","brand","day");
  CREATE UNIQUE INDEX "funnel_marks_key_idx" ON "funnel_marks" USING btree ("key");
  CREATE INDEX "funnel_marks_day_idx" ON "funnel_marks" USING btree ("day");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_products_id_idx" ON "payload_locked_documents_rels" USING btree ("products_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_communities_id_idx" ON "payload_locked_documents_rels" USING btree ("communities_id");
  CREATE INDEX "payload_locked_documents_rels_community_events_id_idx" ON "payload_locked_documents_rels" USING btree ("community_events_id");
  CREATE INDEX "payload_locked_documents_rels_event_signups_id_idx" ON "payload_locked_documents_rels" USING btree ("event_signups_id");
  CREATE INDEX "payload_locked_documents_rels_coupons_id_idx" ON "payload_locked_documents_rels" USING btree ("coupons_id");
  CREATE INDEX "payload_locked_documents_rels_coupon_claims_id_idx" ON "payload_locked_documents_rels" USING btree ("coupon_claims_id");
  CREATE INDEX "payload_locked_documents_rels_community_members_id_idx" ON "payload_locked_documents_rels" USING btree ("community_members_id");
  CREATE INDEX "payload_locked_documents_rels_community_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("community_counters_id");
  CREATE INDEX "payload_locked_documents_rels_orders_id_idx" ON "payload_locked_documents_rels" USING btree ("orders_id");
  CREATE INDEX "payload_locked_documents_rels_payments_id_idx" ON "payload_locked_documents_rels" USING btree ("payments_id");
  CREATE INDEX "payload_locked_documents_rels_order_events_id_idx" ON "payload_locked_documents_rels" USING btree ("order_events_id");
  CREATE INDEX "payload_locked_documents_rels_brands_id_idx" ON "payload_locked_documents_rels" USING btree ("brands_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_pushes_id_idx" ON "payload_locked_documents_rels" USING btree ("pushes_id");
  CREATE INDEX "payload_locked_documents_rels_wechat_accounts_id_idx" ON "payload_locked_documents_rels" USING btree ("wechat_accounts_id");
  CREATE INDEX "payload_locked_documents_rels_wechat_images_id_idx" ON "payload_locked_documents_rels" USING btree ("wechat_images_id");
  CREATE INDEX "payload_locked_documents_rels_funnel_events_id_idx" ON "payload_locked_documents_rels" USING btree ("funnel_events_id");
  CREATE INDEX "payload_locked_documents_rels_customers_id_idx" ON "payload_locked_documents_rels" USING btree ("customers_id");
  CREATE INDEX "payload_locked_documents_rels_article_stats_id_idx" ON "payload_locked_documents_rels" USING btree ("article_stats_id");
  CREATE INDEX "payload_locked_documents_rels_oauth_nonces_id_idx" ON "payload_locked_documents_rels" USING btree ("oauth_nonces_id");
  CREATE INDEX "payload_locked_documents_rels_order_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("order_notifications_id");
  CREATE INDEX "payload_locked_documents_rels_follows_id_idx" ON "payload_locked_documents_rels" USING btree ("follows_id");
  CREATE INDEX "payload_locked_documents_rels_follow_qr_codes_id_idx" ON "payload_locked_documents_rels" USING btree ("follow_qr_codes_id");
  CREATE INDEX "payload_locked_documents_rels_rate_limits_id_idx" ON "payload_locked_documents_rels" USING btree ("rate_limits_id");
  CREATE INDEX "payload_locked_documents_rels_outbox_id_idx" ON "payload_locked_documents_rels" USING btree ("outbox_id");
  CREATE INDEX "payload_locked_documents_rels_funnel_rollups_id_idx" ON "payload_locked_documents_rels" USING btree ("funnel_rollups_id");
  CREATE INDEX "payload_locked_documents_rels_funnel_marks_id_idx" ON "payload_locked_documents_rels" USING btree ("funnel_marks_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "articles" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "products_variants" CASCADE;
  DROP TABLE "products_selling_points" CASCADE;
  DROP TABLE "products" CASCADE;
  DROP TABLE "products_rels" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "communities_group_qrs" CASCADE;
  DROP TABLE "communities" CASCADE;
  DROP TABLE "communities_rels" CASCADE;
  DROP TABLE "community_events" CASCADE;
  DROP TABLE "event_signups" CASCADE;
  DROP TABLE "coupons" CASCADE;
  DROP TABLE "coupon_claims" CASCADE;
  DROP TABLE "community_members" CASCADE;
  DROP TABLE "community_counters" CASCADE;
  DROP TABLE "orders_items" CASCADE;
  DROP TABLE "orders" CASCADE;
  DROP TABLE "payments" CASCADE;
  DROP TABLE "order_events" CASCADE;
  DROP TABLE "brands" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_brands" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "pushes" CASCADE;
  DROP TABLE "pushes_rels" CASCADE;
  DROP TABLE "wechat_accounts_template_ids" CASCADE;
  DROP TABLE "wechat_accounts" CASCADE;
  DROP TABLE "wechat_images" CASCADE;
  DROP TABLE "funnel_events" CASCADE;
  DROP TABLE "customers" CASCADE;
  DROP TABLE "article_stats" CASCADE;
  DROP TABLE "oauth_nonces" CASCADE;
  DROP TABLE "order_notifications" CASCADE;
  DROP TABLE "follows" CASCADE;
  DROP TABLE "follow_qr_codes" CASCADE;
  DROP TABLE "rate_limits" CASCADE;
  DROP TABLE "outbox" CASCADE;
  DROP TABLE "funnel_rollups" CASCADE;
  DROP TABLE "funnel_marks" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum_products_status";
  DROP TYPE "public"."enum_communities_status";
  DROP TYPE "public"."enum_community_events_mode";
  DROP TYPE "public"."enum_community_events_status";
  DROP TYPE "public"."enum_coupons_kind";
  DROP TYPE "public"."enum_coupons_status";
  DROP TYPE "public"."enum_coupon_claims_status";
  DROP TYPE "public"."enum_community_members_source";
  DROP TYPE "public"."enum_orders_status";
  DROP TYPE "public"."enum_orders_channel";
  DROP TYPE "public"."enum_payments_channel";
  DROP TYPE "public"."enum_payments_status";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_users_brands_role";
  DROP TYPE "public"."enum_pushes_scheduled_action";
  DROP TYPE "public"."enum_pushes_status";
  DROP TYPE "public"."enum_wechat_accounts_account_type";
  DROP TYPE "public"."enum_wechat_accounts_callback_mode";
  DROP TYPE "public"."enum_wechat_images_kind";
  DROP TYPE "public"."enum_funnel_events_type";
  DROP TYPE "public"."enum_funnel_events_channel";
  DROP TYPE "public"."enum_customers_scope";
  DROP TYPE "public"."enum_article_stats_kind";
  DROP TYPE "public"."enum_order_notifications_event";
  DROP TYPE "public"."enum_order_notifications_status";
  DROP TYPE "public"."enum_follows_event";
  DROP TYPE "public"."enum_follows_scene_kind";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
