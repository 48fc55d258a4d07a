import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox becomes the only way emails leave: rows are written `pending` in the transaction of the change
 * that causes them and delivered by the worker's sender, which claims a row (`sending`), retries temporary
 * failures with back-off and keeps an acknowledgement window before sending again a message whose outcome it
 * does not know. Every row gets its Message-ID when written, so all attempts carry the same one.
 */
export class OutboxDelivery1796400000000 implements MigrationInterface {
  name = 'OutboxDelivery1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "email_status" ADD VALUE IF NOT EXISTS 'sending' AFTER 'pending'`);
    await queryRunner.query(`ALTER TABLE "emails" ADD "attempts" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "emails" ADD "claimed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "emails" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "idx_emails__status__next_attempt_at" ON "emails" ("status", "next_attempt_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_emails__status__next_attempt_at"`);
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "next_attempt_at"`);
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "claimed_at"`);
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "attempts"`);
    await queryRunner.query(`UPDATE "emails" SET "status" = 'pending' WHERE "status" = 'sending'`);
    await queryRunner.query(`ALTER TYPE "email_status" RENAME TO "email_status_old"`);
    await queryRunner.query(`CREATE TYPE "email_status" AS ENUM('pending', 'sent', 'logged', 'failed')`);
    await queryRunner.query(`ALTER TABLE "emails" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "emails" ALTER COLUMN "status" TYPE "email_status" USING "status"::text::"email_status"`,
    );
    await queryRunner.query(`ALTER TABLE "emails" ALTER COLUMN "status" SET DEFAULT 'pending'`);
    await queryRunner.query(`DROP TYPE "email_status_old"`);
  }
}
