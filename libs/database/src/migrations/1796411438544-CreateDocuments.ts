import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents on work-permit files: one row per uploaded version (numbered per file and kind), its bytes encrypted in
 * the document storage under a random key, its data key wrapped under the master key `key_id` names.
 */
export class CreateDocuments1796411438544 implements MigrationInterface {
    name = 'CreateDocuments1796411438544';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."document_status" AS ENUM('pending_review', 'accepted', 'rejected')
        `);
        await queryRunner.query(`
            CREATE TABLE "documents" (
                "id" uuid NOT NULL,
                "file_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "kind" character varying(80) NOT NULL,
                "title" character varying(200) NOT NULL,
                "original_name" character varying(255) NOT NULL,
                "content_type" character varying(100) NOT NULL,
                "size" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "version" integer NOT NULL,
                "status" "public"."document_status" NOT NULL DEFAULT 'pending_review',
                "status_reason" text,
                "issued_on" date,
                "expires_on" date,
                "uploaded_by_id" uuid,
                "storage_key" character varying(64) NOT NULL,
                "wrapped_key" bytea NOT NULL,
                "key_id" character varying(32) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "chk_documents__validity" CHECK (
                    expires_on IS NULL
                    OR issued_on IS NULL
                    OR expires_on >= issued_on
                ),
                CONSTRAINT "chk_documents__rejection_reason" CHECK (
                    status <> 'rejected'
                    OR status_reason IS NOT NULL
                ),
                CONSTRAINT "chk_documents__kind" CHECK (kind ~ '^[a-z0-9][a-z0-9_.-]{0,79}$'),
                CONSTRAINT "chk_documents__sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                CONSTRAINT "chk_documents__version" CHECK (version >= 1),
                CONSTRAINT "chk_documents__size" CHECK (size > 0),
                CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_documents__key_id" ON "documents" ("key_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_documents__file_id__kind__sha256" ON "documents" ("file_id", "kind", "sha256")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_documents__file_id__created_at" ON "documents" ("file_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_documents__storage_key" ON "documents" ("storage_key")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_documents__file_id__kind__version" ON "documents" ("file_id", "kind", "version")
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_3d122f6d936acfe13f931d058bf" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_f6a0859c9b1c7c3fcb003c17163" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_02306fdd7023e63532159eefb3c" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "documents"`);
        await queryRunner.query(`DROP TYPE "public"."document_status"`);
    }
}
