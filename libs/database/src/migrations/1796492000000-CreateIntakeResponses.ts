import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client's intake questionnaire: one response per file, answers encrypted at rest, submitted once (then
 * read-only to the client) and reopened by staff with a reason.
 */
export class CreateIntakeResponses1796492000000 implements MigrationInterface {
  name = 'CreateIntakeResponses1796492000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."intake_status" AS ENUM('draft', 'submitted', 'reopened')`);
    await q.query(
      `CREATE TABLE "intake_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_id" uuid NOT NULL, "client_id" uuid NOT NULL, "form_key" text NOT NULL, "form_version" integer NOT NULL, "answers_encrypted" text NOT NULL, "status" "public"."intake_status" NOT NULL DEFAULT 'draft', "submitted_at" TIMESTAMP WITH TIME ZONE, "reopened_at" TIMESTAMP WITH TIME ZONE, "reopened_by_id" uuid, "reopen_reason" text, "confirmed_fields" text array NOT NULL DEFAULT '{}', "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_intake_responses__submitted_at" CHECK (status = 'draft' OR submitted_at IS NOT NULL), CONSTRAINT "ck_intake_responses__reopened" CHECK (status <> 'reopened' OR (reopened_at IS NOT NULL AND reopen_reason IS NOT NULL)), CONSTRAINT "pk_intake_responses" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_intake_responses__file_id" ON "intake_responses" ("file_id") `);
    await q.query(`CREATE INDEX "idx_intake_responses__client_id" ON "intake_responses" ("client_id") `);
    await q.query(
      `ALTER TABLE "intake_responses" ADD CONSTRAINT "fk_intake_responses__file_id" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "intake_responses" ADD CONSTRAINT "fk_intake_responses__client_id" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "intake_responses" ADD CONSTRAINT "fk_intake_responses__reopened_by_id" FOREIGN KEY ("reopened_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "intake_responses" ADD CONSTRAINT "fk_intake_responses__confirmed_by_id" FOREIGN KEY ("confirmed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "intake_responses"`);
    await q.query(`DROP TYPE "public"."intake_status"`);
  }
}
