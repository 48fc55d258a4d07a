import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultation booking: types, consultants' availability and time off, consultations, and the link between a
 * consultation and the work-permit file it was converted into (both ways). Two booked consultations of one
 * consultant cannot overlap, buffers included: the exclusion constraint (btree_gist, from the first migration)
 * refuses it with SQLSTATE 23P01 whatever the concurrency.
 */
export class CreateConsultations1795000010000 implements MigrationInterface {
  name = 'CreateConsultations1795000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "consultation_types" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "name_fr" text NOT NULL, "duration_minutes" integer NOT NULL, "price_cents" integer, "is_active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_consultation_types__price" CHECK (price_cents IS NULL OR price_cents >= 0), CONSTRAINT "chk_consultation_types__duration" CHECK (duration_minutes BETWEEN 5 AND 480), CONSTRAINT "PK_24bc3a22d7687cc116b4bb1b07a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_consultation_types__name" ON "consultation_types" ("name", "id")`);

    await q.query(
      `CREATE TABLE "consultant_availability" ("consultant_id" uuid NOT NULL, "timezone" text NOT NULL, "weekly" jsonb NOT NULL DEFAULT '[]', "buffer_minutes" integer NOT NULL DEFAULT '15', "min_notice_hours" integer NOT NULL DEFAULT '24', "max_days_ahead" integer NOT NULL DEFAULT '60', "slot_interval_minutes" integer NOT NULL DEFAULT '30', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_consultant_availability__numbers" CHECK (buffer_minutes BETWEEN 0 AND 240 AND min_notice_hours BETWEEN 0 AND 720 AND max_days_ahead BETWEEN 1 AND 365 AND slot_interval_minutes BETWEEN 5 AND 240), CONSTRAINT "PK_c9c0a4758fa91898eb6b301a6ad" PRIMARY KEY ("consultant_id"))`,
    );
    await q.query(
      `ALTER TABLE "consultant_availability" ADD CONSTRAINT "fk_consultant_availability__consultant_id" FOREIGN KEY ("consultant_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(
      `CREATE TABLE "consultant_time_off" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultant_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_consultant_time_off__span" CHECK (ends_at > starts_at), CONSTRAINT "PK_f93fc2cfb2b2afdae32788575b8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_consultant_time_off__consultant_id__ends_at" ON "consultant_time_off" ("consultant_id", "ends_at")`,
    );
    await q.query(
      `ALTER TABLE "consultant_time_off" ADD CONSTRAINT "fk_consultant_time_off__consultant_id" FOREIGN KEY ("consultant_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TYPE "public"."consultation_mode" AS ENUM('video', 'phone', 'in_person')`);
    await q.query(`CREATE TYPE "public"."consultation_status" AS ENUM('booked', 'cancelled', 'completed', 'no_show')`);
    // blocked_from / blocked_until: the consultation plus the buffer after it. The constraint's GiST index also
    // serves the slot queries (same expression, same predicate).
    await q.query(
      `CREATE TABLE "consultations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultant_id" uuid NOT NULL, "client_id" uuid NOT NULL, "type_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_from" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE NOT NULL, "mode" "public"."consultation_mode" NOT NULL DEFAULT 'video', "status" "public"."consultation_status" NOT NULL DEFAULT 'booked', "client_timezone" text NOT NULL, "language" "public"."preferred_language" NOT NULL DEFAULT 'en', "topic" text, "prescreen" jsonb, "is_urgent" boolean NOT NULL DEFAULT false, "notes" text, "manage_token_hash" text, "sequence" integer NOT NULL DEFAULT '0', "booked_by_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "file_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_consultations__times" CHECK (ends_at > starts_at AND blocked_from <= starts_at AND blocked_until >= ends_at), CONSTRAINT "ex_consultations__no_overlap" EXCLUDE USING gist ("consultant_id" WITH =, tstzrange("blocked_from", "blocked_until") WITH &&) WHERE ("status" = 'booked'), CONSTRAINT "PK_c5b78e9424d9bc68464f6a12103" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_consultations__manage_token_hash" ON "consultations" ("manage_token_hash")`);
    await q.query(`CREATE INDEX "idx_consultations__starts_at" ON "consultations" ("starts_at", "id")`);
    await q.query(
      `CREATE INDEX "idx_consultations__consultant_id__starts_at" ON "consultations" ("consultant_id", "starts_at", "id")`,
    );
    await q.query(`CREATE INDEX "idx_consultations__client_id__starts_at" ON "consultations" ("client_id", "starts_at", "id")`);
    await q.query(`CREATE INDEX "idx_consultations__file_id" ON "consultations" ("file_id")`);
    await q.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations__consultant_id" FOREIGN KEY ("consultant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations__client_id" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations__type_id" FOREIGN KEY ("type_id") REFERENCES "consultation_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations__file_id" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    // The file's side of the link. No foreign key: work-permits does not know the consultations feature (its
    // entity declares the plain column); files and consultations are never deleted, and the unique index keeps
    // one file per consultation.
    await q.query(`ALTER TABLE "work_permit_files" ADD "consultation_id" uuid`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_work_permit_files__consultation_id" ON "work_permit_files" ("consultation_id") WHERE consultation_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_work_permit_files__consultation_id"`);
    await q.query(`ALTER TABLE "work_permit_files" DROP COLUMN "consultation_id"`);
    await q.query(`DROP TABLE "consultations"`);
    await q.query(`DROP TYPE "public"."consultation_status"`);
    await q.query(`DROP TYPE "public"."consultation_mode"`);
    await q.query(`DROP TABLE "consultant_time_off"`);
    await q.query(`DROP TABLE "consultant_availability"`);
    await q.query(`DROP TABLE "consultation_types"`);
  }
}
