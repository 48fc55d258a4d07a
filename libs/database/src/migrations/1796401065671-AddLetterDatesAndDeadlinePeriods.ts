import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dates of IRCC's letters on a file (biometric instruction letter, medical instructions, procedural-fairness
 * letter), from which the due dates are derived, and the firm's own periods for those derivations.
 */
export class AddLetterDatesAndDeadlinePeriods1796401065671 implements MigrationInterface {
  name = 'AddLetterDatesAndDeadlinePeriods1796401065671';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "deadline_period_settings" (
        "id" smallint NOT NULL,
        "days" jsonb NOT NULL,
        "updated_by_id" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_deadline_period_settings__single_row" CHECK (id = 1),
        CONSTRAINT "PK_ce076af7741d5890018c5efdaa3" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      ALTER TABLE "deadline_period_settings" ADD CONSTRAINT "fk_deadline_period_settings__updated_by_id"
        FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "work_permit_files"
        ADD "biometrics_letter_on" date,
        ADD "medical_letter_on" date,
        ADD "pfl_letter_on" date
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "work_permit_files"
        DROP COLUMN "pfl_letter_on",
        DROP COLUMN "medical_letter_on",
        DROP COLUMN "biometrics_letter_on"
    `);
    await queryRunner.query(`ALTER TABLE "deadline_period_settings" DROP CONSTRAINT "fk_deadline_period_settings__updated_by_id"`);
    await queryRunner.query(`DROP TABLE "deadline_period_settings"`);
  }
}
