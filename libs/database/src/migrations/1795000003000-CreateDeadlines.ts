import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadlines of work-permit files: key-date ones (one per file and kind) and manual ones. */
export class CreateDeadlines1795000003000 implements MigrationInterface {
  name = 'CreateDeadlines1795000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "public"."deadline_kind" AS ENUM('permit_expiry', 'lmia_expiry', 'biometrics', 'medical', 'pfl_response', 'document_request', 'passport_expiry', 'status_expiry', 'custom')`,
    );
    await q.query(`CREATE TYPE "public"."deadline_source" AS ENUM('key_date', 'manual')`);
    await q.query(
      `CREATE TABLE "deadlines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_id" uuid NOT NULL, "kind" "public"."deadline_kind" NOT NULL, "source" "public"."deadline_source" NOT NULL DEFAULT 'manual', "title" text NOT NULL, "notes" text, "due_on" date NOT NULL, "assignee_id" uuid, "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a9b8551c028a78298641a8e3470" PRIMARY KEY ("id"))`,
    );
    // Key-date deadlines: one per file and kind.
    await q.query(
      `CREATE UNIQUE INDEX "uq_deadlines__file_id__kind__key_date" ON "deadlines" ("file_id", "kind") WHERE source = 'key_date'`,
    );
    await q.query(`CREATE INDEX "idx_deadlines__due_on__id" ON "deadlines" ("due_on", "id")`);
    await q.query(`CREATE INDEX "idx_deadlines__assignee_id__due_on" ON "deadlines" ("assignee_id", "due_on", "id")`);
    await q.query(`CREATE INDEX "idx_deadlines__file_id__due_on" ON "deadlines" ("file_id", "due_on")`);
    // Open and overdue lists read only open deadlines.
    await q.query(`CREATE INDEX "idx_deadlines__open__due_on" ON "deadlines" ("due_on", "id") WHERE completed_at IS NULL`);
    await q.query(
      `ALTER TABLE "deadlines" ADD CONSTRAINT "FK_85a8ebf2196e714b3fb4fffa344" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deadlines" ADD CONSTRAINT "FK_8ae864eacb13dabe090af88480d" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deadlines" ADD CONSTRAINT "FK_78af560b94baba8c3623be3da64" FOREIGN KEY ("completed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "deadlines"`);
    await q.query(`DROP TYPE "public"."deadline_source"`);
    await q.query(`DROP TYPE "public"."deadline_kind"`);
  }
}
