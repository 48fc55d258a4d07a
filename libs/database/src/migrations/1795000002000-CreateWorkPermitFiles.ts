import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work-permit files, their per-year number counters, the indexes lists and filters page on, and pg_trgm
 * indexes for the `q` search over file number, employer name and job title.
 */
export class CreateWorkPermitFiles1795000002000 implements MigrationInterface {
  name = 'CreateWorkPermitFiles1795000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."work_permit_stream" AS ENUM('TFWP', 'IMP')`);
    await q.query(
      `CREATE TYPE "public"."application_type" AS ENUM('initial', 'extension', 'change_of_conditions', 'restoration')`,
    );
    await q.query(
      `CREATE TYPE "public"."file_status" AS ENUM('intake', 'preparing', 'submitted', 'biometrics_requested', 'additional_info_requested', 'approved', 'refused', 'withdrawn', 'closed')`,
    );
    await q.query(`CREATE TYPE "public"."lmia_status" AS ENUM('not_applied', 'pending', 'positive', 'negative', 'withdrawn')`);

    await q.query(
      `CREATE TABLE "work_permit_files" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "file_number" text NOT NULL,
        "client_id" uuid NOT NULL,
        "consultant_id" uuid,
        "stream" "public"."work_permit_stream" NOT NULL,
        "application_type" "public"."application_type" NOT NULL DEFAULT 'initial',
        "status" "public"."file_status" NOT NULL DEFAULT 'intake',
        "employer_name" text,
        "employer_business_number" text,
        "job_title" text,
        "noc_code" character(5),
        "province" character(2),
        "wage" numeric(10, 2),
        "wage_period" text,
        "submitted_on" date,
        "biometrics_due_on" date,
        "medical_due_on" date,
        "pfl_response_due_on" date,
        "decision_on" date,
        "permit_expires_on" date,
        "ircc_application_number" text,
        "lmia_stream" text,
        "lmia_status" "public"."lmia_status",
        "lmia_number" text,
        "lmia_issued_on" date,
        "lmia_expires_on" date,
        "exemption_code" text,
        "imp_permit_type" text,
        "offer_of_employment_number" text,
        "compliance_fee_paid" boolean,
        "created_by_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_work_permit_files__wage" CHECK ((wage IS NULL) = (wage_period IS NULL) AND wage_period IN ('hour', 'week', 'month', 'year')),
        CONSTRAINT "chk_work_permit_files__stream_blocks" CHECK ((stream = 'TFWP' AND exemption_code IS NULL AND imp_permit_type IS NULL AND offer_of_employment_number IS NULL AND compliance_fee_paid IS NULL) OR (stream = 'IMP' AND exemption_code IS NOT NULL AND lmia_stream IS NULL AND lmia_status IS NULL AND lmia_number IS NULL AND lmia_issued_on IS NULL AND lmia_expires_on IS NULL)),
        CONSTRAINT "PK_6e24fc2c16f2a7e5dce7de60e16" PRIMARY KEY ("id")
      )`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_work_permit_files__file_number" ON "work_permit_files" ("file_number")`);
    await q.query(`CREATE INDEX "idx_work_permit_files__created_at" ON "work_permit_files" ("created_at", "id")`);
    for (const column of ['consultant_id', 'client_id', 'status', 'stream', 'exemption_code', 'lmia_stream', 'noc_code', 'province']) {
      await q.query(
        `CREATE INDEX "idx_work_permit_files__${column}__created_at" ON "work_permit_files" ("${column}", "created_at", "id")`,
      );
    }
    // Text search, declared on the entity with synchronize: false.
    for (const column of ['file_number', 'employer_name', 'job_title']) {
      await q.query(`CREATE INDEX "idx_work_permit_files__${column}_trgm" ON "work_permit_files" USING gin ("${column}" gin_trgm_ops)`);
    }
    await q.query(
      `ALTER TABLE "work_permit_files" ADD CONSTRAINT "FK_df25eeedca68dfc4e71a3d7d609" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_permit_files" ADD CONSTRAINT "FK_7b05a8b36b04c7b03a3a75c70da" FOREIGN KEY ("consultant_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_permit_files" ADD CONSTRAINT "FK_cbcdbda15ffecf87ba4e0b2bc77" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await q.query(
      `CREATE TABLE "file_number_counters" ("year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_7da3b7d186a0093c3667fe4fd72" PRIMARY KEY ("year"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "file_number_counters"`);
    await q.query(`DROP TABLE "work_permit_files"`);
    await q.query(`DROP TYPE "public"."lmia_status"`);
    await q.query(`DROP TYPE "public"."file_status"`);
    await q.query(`DROP TYPE "public"."application_type"`);
    await q.query(`DROP TYPE "public"."work_permit_stream"`);
  }
}
