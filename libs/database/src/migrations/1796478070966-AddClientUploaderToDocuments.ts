import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document may be uploaded by the client in the client portal: `uploaded_by_client_id` names them (then
 * `uploaded_by_id`, the staff uploader, is null; never both).
 */
export class AddClientUploaderToDocuments1796478070966 implements MigrationInterface {
  name = 'AddClientUploaderToDocuments1796478070966';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "documents" ADD "uploaded_by_client_id" uuid`);
    await q.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "chk_documents__one_uploader" CHECK (uploaded_by_id IS NULL OR uploaded_by_client_id IS NULL)`,
    );
    await q.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "fk_documents__uploaded_by_client_id" FOREIGN KEY ("uploaded_by_client_id") REFERENCES "clients"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "documents" DROP CONSTRAINT "fk_documents__uploaded_by_client_id"`);
    await q.query(`ALTER TABLE "documents" DROP CONSTRAINT "chk_documents__one_uploader"`);
    await q.query(`ALTER TABLE "documents" DROP COLUMN "uploaded_by_client_id"`);
  }
}
