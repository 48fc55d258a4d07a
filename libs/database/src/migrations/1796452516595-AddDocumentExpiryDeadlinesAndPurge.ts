import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Document expiry deadlines: the `document_expiry` kind and `document` source, and `deadlines.document_id` (one
 * deadline per document). Retention purge: a purged document keeps its row (audit, history) without its storage key
 * and data key, and says when it was purged.
 */
export class AddDocumentExpiryDeadlinesAndPurge1796452516595 implements MigrationInterface {
    name = 'AddDocumentExpiryDeadlinesAndPurge1796452516595';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "deadlines"
            ADD "document_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD "purged_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."deadline_kind"
            ADD VALUE 'document_expiry'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."deadline_source"
            ADD VALUE 'document'
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ALTER COLUMN "storage_key" DROP NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ALTER COLUMN "wrapped_key" DROP NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_deadlines__document_id" ON "deadlines" ("document_id")
            WHERE document_id IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "chk_documents__purged" CHECK (
                    (purged_at IS NULL) = (
                        storage_key IS NOT NULL
                        AND wrapped_key IS NOT NULL
                    )
                )
        `);
    }

    /** Refused while a document is purged (its keys are gone); document deadlines are removed. */
    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DELETE FROM "deadlines" WHERE "kind" = 'document_expiry' OR "source" = 'document'
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "chk_documents__purged"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_deadlines__file_id__kind__key_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_deadlines__document_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ALTER COLUMN "wrapped_key"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ALTER COLUMN "storage_key"
            SET NOT NULL
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."deadline_source_old" AS ENUM('key_date', 'manual')
        `);
        await queryRunner.query(`
            ALTER TABLE "deadlines" ALTER COLUMN "source" DROP DEFAULT
        `);
        await queryRunner.query(`
            ALTER TABLE "deadlines"
            ALTER COLUMN "source" TYPE "public"."deadline_source_old" USING "source"::"text"::"public"."deadline_source_old"
        `);
        await queryRunner.query(`
            ALTER TABLE "deadlines" ALTER COLUMN "source" SET DEFAULT 'manual'
        `);
        await queryRunner.query(`
            DROP TYPE "public"."deadline_source"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."deadline_source_old"
            RENAME TO "deadline_source"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."deadline_kind_old" AS ENUM(
                'permit_expiry',
                'lmia_expiry',
                'biometrics',
                'medical',
                'pfl_response',
                'document_request',
                'passport_expiry',
                'status_expiry',
                'custom'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "deadlines"
            ALTER COLUMN "kind" TYPE "public"."deadline_kind_old" USING "kind"::"text"::"public"."deadline_kind_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."deadline_kind"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."deadline_kind_old"
            RENAME TO "deadline_kind"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_deadlines__file_id__kind__key_date" ON "deadlines" USING btree ("file_id", "kind")
            WHERE (source = 'key_date'::deadline_source)
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP COLUMN "purged_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "deadlines" DROP COLUMN "document_id"
        `);
    }
}
