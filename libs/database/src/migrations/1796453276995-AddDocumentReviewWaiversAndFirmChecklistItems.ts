import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review of documents (who reviewed, when, and the reason: the old status_reason renamed, its rule kept),
 * waivers of checklist items on files, and the firm's own checklist items.
 */
export class AddDocumentReviewWaiversAndFirmChecklistItems1796453276995 implements MigrationInterface {
    name = 'AddDocumentReviewWaiversAndFirmChecklistItems1796453276995';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "checklist_waivers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "file_id" uuid NOT NULL,
                "key" character varying(80) NOT NULL,
                "reason" text NOT NULL,
                "waived_by_id" uuid,
                "waived_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "chk_checklist_waivers__reason" CHECK (
                    char_length(reason) BETWEEN 1 AND 500
                ),
                CONSTRAINT "PK_368abcddeee0757d886280bacc4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_checklist_waivers__file_id__key" ON "checklist_waivers" ("file_id", "key")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."firm_checklist_stream" AS ENUM('TFWP', 'IMP', 'ANY')
        `);
        await queryRunner.query(`
            CREATE TABLE "firm_checklist_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "stream" "public"."firm_checklist_stream" NOT NULL,
                "key" character varying(80) NOT NULL,
                "title" character varying(200) NOT NULL,
                "title_fr" character varying(200) NOT NULL,
                "help" text,
                "help_fr" text,
                "required" boolean NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_firm_checklist_items__key" CHECK (
                    key ~ '^[a-z0-9][a-z0-9_]{0,79}$'
                    AND key <> 'other'
                ),
                CONSTRAINT "PK_db1e96db3d363a475c63d9fba6b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_firm_checklist_items__key" ON "firm_checklist_items" ("key")
        `);
        // A rename keeps the reasons already given and the rule that a rejection has one.
        await queryRunner.query(`
            ALTER TABLE "documents" RENAME COLUMN "status_reason" TO "review_reason"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD "reviewed_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD "reviewed_by_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "checklist_waivers"
            ADD CONSTRAINT "FK_bbea67f5dd23111c7983098f2a0" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "checklist_waivers"
            ADD CONSTRAINT "FK_aeb9f2faafea6e8a629d30c85a1" FOREIGN KEY ("waived_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_8c4ee210e83a863fae3ab18cd86" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "FK_8c4ee210e83a863fae3ab18cd86"
        `);
        await queryRunner.query(`
            ALTER TABLE "checklist_waivers" DROP CONSTRAINT "FK_aeb9f2faafea6e8a629d30c85a1"
        `);
        await queryRunner.query(`
            ALTER TABLE "checklist_waivers" DROP CONSTRAINT "FK_bbea67f5dd23111c7983098f2a0"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP COLUMN "reviewed_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP COLUMN "reviewed_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" RENAME COLUMN "review_reason" TO "status_reason"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_firm_checklist_items__key"
        `);
        await queryRunner.query(`
            DROP TABLE "firm_checklist_items"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."firm_checklist_stream"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_checklist_waivers__file_id__key"
        `);
        await queryRunner.query(`
            DROP TABLE "checklist_waivers"
        `);
    }
}
