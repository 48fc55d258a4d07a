import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminder rows (one per subject, offset and recipient) and the firm's reminder policy. */
export class CreateReminders1795000005000 implements MigrationInterface {
  name = 'CreateReminders1795000005000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."reminder_status" AS ENUM('scheduled', 'sending', 'sent', 'failed', 'cancelled')`,
    );
    await queryRunner.query(`
      CREATE TABLE "reminders" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "subject_type" text NOT NULL,
        "subject_id" uuid NOT NULL,
        "offset_key" text NOT NULL,
        "recipient" text NOT NULL,
        "send_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" "public"."reminder_status" NOT NULL DEFAULT 'scheduled',
        "attempts" integer NOT NULL DEFAULT '0',
        "last_error" text,
        "claimed_at" TIMESTAMP WITH TIME ZONE,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "message_id" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_reminders__subject__offset__recipient" ON "reminders" ("subject_type", "subject_id", "offset_key", "recipient")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_reminders__status__send_at" ON "reminders" ("status", "send_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_reminders__send_at" ON "reminders" ("send_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_reminders__recipient__send_at" ON "reminders" ("recipient", "send_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "reminder_settings" (
        "id" smallint NOT NULL,
        "send_hour" smallint NOT NULL,
        "offsets" jsonb NOT NULL,
        "notify_assistants" boolean NOT NULL,
        "escalate_overdue" boolean NOT NULL,
        "daily_digest" boolean NOT NULL,
        "updated_by_id" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_reminder_settings__send_hour" CHECK (send_hour BETWEEN 0 AND 23),
        CONSTRAINT "chk_reminder_settings__single_row" CHECK (id = 1),
        CONSTRAINT "PK_8967b53d42011ef8628dc889979" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      ALTER TABLE "reminder_settings" ADD CONSTRAINT "fk_reminder_settings__updated_by_id"
        FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminder_settings" DROP CONSTRAINT "fk_reminder_settings__updated_by_id"`);
    await queryRunner.query(`DROP TABLE "reminder_settings"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reminders__recipient__send_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reminders__send_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reminders__status__send_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reminders__subject__offset__recipient"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
    await queryRunner.query(`DROP TYPE "public"."reminder_status"`);
  }
}
