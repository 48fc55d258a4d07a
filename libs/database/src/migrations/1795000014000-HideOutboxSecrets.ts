import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox keeps an email's secret (a manage link's token) encrypted in `emails.secret` until the email has
 * left, and shows `[hidden]` in its place. Emails written before this kept manage links in clear: their tokens
 * are hidden here (in the text, html and calendar invite, where a line fold may split the token). Those
 * emails, if resent, go without a working link; clients can still ask the firm for one.
 */
export class HideOutboxSecrets1795000014000 implements MigrationInterface {
  name = 'HideOutboxSecrets1795000014000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "emails" ADD "secret" text`);
    for (const column of ['text', 'html']) {
      await queryRunner.query(
        `UPDATE "emails" SET "${column}" = regexp_replace("${column}", '/book/manage/[A-Za-z0-9_-]+', '/book/manage/[hidden]', 'g')
         WHERE "${column}" LIKE '%/book/manage/%'`,
      );
    }
    await queryRunner.query(
      `UPDATE "emails" SET "ical_event" = regexp_replace("ical_event", '/book/manage/(?:[A-Za-z0-9_-]|\\r\\n[ \\t])+', '/book/manage/[hidden]', 'g')
       WHERE "ical_event" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "secret"`);
  }
}
