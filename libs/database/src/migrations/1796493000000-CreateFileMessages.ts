import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Messages between a client and the firm on a file (body encrypted at rest, attachments as documents of the
 * file), and read markers: how far each staff member and the client have read each file's messages.
 */
export class CreateFileMessages1796493000000 implements MigrationInterface {
    name = 'CreateFileMessages1796493000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "file_message_reads" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "file_id" uuid NOT NULL,
                "user_id" uuid,
                "client_id" uuid,
                "read_up_to" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_file_message_reads__one_reader" CHECK ((user_id IS NULL) <> (client_id IS NULL)),
                CONSTRAINT "PK_bbd171bbd58dce45b1b37b0f612" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_file_message_reads__file_id__client_id" ON "file_message_reads" ("file_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_file_message_reads__file_id__user_id" ON "file_message_reads" ("file_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "file_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "file_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "author_user_id" uuid,
                "author_client_id" uuid,
                "body_encrypted" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_file_messages__client_author" CHECK (
                    author_client_id IS NULL
                    OR author_client_id = client_id
                ),
                CONSTRAINT "ck_file_messages__one_author" CHECK (
                    (author_user_id IS NULL) <> (author_client_id IS NULL)
                ),
                CONSTRAINT "PK_ee74a026f68e0acc18de7dd045e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_file_messages__file_id__created_at__id" ON "file_messages" ("file_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "file_message_attachments" (
                "message_id" uuid NOT NULL,
                "document_id" uuid NOT NULL,
                CONSTRAINT "PK_9ac8a0b5406d2a7d025c3e86015" PRIMARY KEY ("message_id", "document_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_71035920b88b56f9b239f4568c" ON "file_message_attachments" ("message_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_45e51993ee602118e7f4b00fa6" ON "file_message_attachments" ("document_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "file_message_reads"
            ADD CONSTRAINT "fk_file_message_reads__file_id" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "file_message_reads"
            ADD CONSTRAINT "fk_file_message_reads__user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "file_message_reads"
            ADD CONSTRAINT "fk_file_message_reads__client_id" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "file_messages"
            ADD CONSTRAINT "fk_file_messages__file_id" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "file_messages"
            ADD CONSTRAINT "fk_file_messages__client_id" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "file_messages"
            ADD CONSTRAINT "fk_file_messages__author_user_id" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "file_messages"
            ADD CONSTRAINT "fk_file_messages__author_client_id" FOREIGN KEY ("author_client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "file_message_attachments"
            ADD CONSTRAINT "fk_file_message_attachments__message_id" FOREIGN KEY ("message_id") REFERENCES "file_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "file_message_attachments"
            ADD CONSTRAINT "fk_file_message_attachments__document_id" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "file_message_attachments" DROP CONSTRAINT "fk_file_message_attachments__document_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "file_message_attachments" DROP CONSTRAINT "fk_file_message_attachments__message_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "file_messages" DROP CONSTRAINT "fk_file_messages__author_client_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "file_messages" DROP CONSTRAINT "fk_file_messages__author_user_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "file_messages" DROP CONSTRAINT "fk_file_messages__client_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "file_messages" DROP CONSTRAINT "fk_file_messages__file_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "file_message_reads" DROP CONSTRAINT "fk_file_message_reads__client_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "file_message_reads" DROP CONSTRAINT "fk_file_message_reads__user_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "file_message_reads" DROP CONSTRAINT "fk_file_message_reads__file_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_45e51993ee602118e7f4b00fa6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_71035920b88b56f9b239f4568c"
        `);
        await queryRunner.query(`
            DROP TABLE "file_message_attachments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_file_messages__file_id__created_at__id"
        `);
        await queryRunner.query(`
            DROP TABLE "file_messages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_file_message_reads__file_id__user_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_file_message_reads__file_id__client_id"
        `);
        await queryRunner.query(`
            DROP TABLE "file_message_reads"
        `);
    }

}
