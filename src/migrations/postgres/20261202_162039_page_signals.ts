import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "page_signals" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"path" varchar NOT NULL,
  	"sender" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "page_signals_id" uuid;
  CREATE INDEX "page_signals_updated_at_idx" ON "page_signals" USING btree ("updated_at");
  CREATE INDEX "page_signals_created_at_idx" ON "page_signals" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_page_signals_fk" FOREIGN KEY ("page_signals_id") REFERENCES "public"."page_signals"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_page_signals_id_idx" ON "payload_locked_documents_rels" USING btree ("page_signals_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "page_signals" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "page_signals" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_page_signals_fk";
  
  DROP INDEX "payload_locked_documents_rels_page_signals_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "page_signals_id";`)
}
