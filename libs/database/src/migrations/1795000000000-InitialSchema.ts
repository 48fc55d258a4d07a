import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions, staff accounts and the audit trail. */
export class InitialSchema1795000000000 implements MigrationInterface {
  name = 'InitialSchema1795000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS citext');
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');

    await q.query(`CREATE TYPE "public"."staff_role" AS ENUM('admin', 'consultant', 'assistant')`);
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" citext NOT NULL, "name" text NOT NULL, "role" "public"."staff_role" NOT NULL, "password_hash" text NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "timezone" text NOT NULL DEFAULT 'America/Toronto', "is_bookable" boolean NOT NULL DEFAULT false, "languages" text array NOT NULL DEFAULT '{en}', "rcic_licence_number" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_users__email" ON "users"  ("email") `);

    await q.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "file_id" uuid, "client_id" uuid, "changes" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_audit_events__subject" ON "audit_events"  ("subject_type", "subject_id") `);
    await q.query(`CREATE INDEX "idx_audit_events__client_id__seq" ON "audit_events"  ("client_id", "seq") `);
    await q.query(`CREATE INDEX "idx_audit_events__file_id__seq" ON "audit_events"  ("file_id", "seq") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_events"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TYPE "public"."staff_role"`);
    await q.query('DROP EXTENSION IF EXISTS btree_gist');
    await q.query('DROP EXTENSION IF EXISTS pg_trgm');
    await q.query('DROP EXTENSION IF EXISTS citext');
  }
}
