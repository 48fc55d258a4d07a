import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox: every email PermitDesk sends or would send (libs/notifications EmailEntity). */
export class CreateEmailOutbox1795000004000 implements MigrationInterface {
  name = 'CreateEmailOutbox1795000004000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."email_status" AS ENUM('pending', 'sent', 'logged', 'failed')`);
    await queryRunner.query(`
      CREATE TABLE "emails" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" text NOT NULL,
        "to" text NOT NULL,
        "subject" text NOT NULL,
        "text" text NOT NULL,
        "html" text,
        "ical_event" text,
        "related_type" text,
        "related_id" uuid,
        "status" "public"."email_status" NOT NULL DEFAULT 'pending',
        "message_id" text,
        "error" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_a54dcebef8d05dca7e839749571" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "idx_emails__created_at" ON "emails" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_emails__related" ON "emails" ("related_type", "related_id")`);
    await queryRunner.query(`CREATE INDEX "idx_emails__to__created_at" ON "emails" ("to", "created_at", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_emails__to__created_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_emails__related"`);
    await queryRunner.query(`DROP INDEX "public"."idx_emails__created_at"`);
    await queryRunner.query(`DROP TABLE "emails"`);
    await queryRunner.query(`DROP TYPE "public"."email_status"`);
  }
}
