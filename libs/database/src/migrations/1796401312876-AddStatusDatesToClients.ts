import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * More statuses in Canada (maintained status, restoration, refugee claimant, TRP holder, visitor record) and the
 * dates they need: when the extension, restoration or claim was applied for, and when status was lost.
 */
export class AddStatusDatesToClients1796401312876 implements MigrationInterface {
  name = 'AddStatusDatesToClients1796401312876';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "clients" ADD "status_applied_on" date, ADD "status_lost_on" date`);
    for (const value of ['maintained_status', 'restoration', 'refugee_claimant', 'trp_holder', 'visitor_record']) {
      await queryRunner.query(`ALTER TYPE "public"."status_in_canada" ADD VALUE '${value}'`);
    }
  }

  /** Enum values cannot be dropped: the type is rebuilt; TRP and visitor-record holders become visitors, others none. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "clients" SET "status_in_canada" = CASE
        WHEN "status_in_canada" IN ('trp_holder', 'visitor_record') THEN 'visitor'::"public"."status_in_canada"
        ELSE 'none'::"public"."status_in_canada" END
      WHERE "status_in_canada" IN ('maintained_status', 'restoration', 'refugee_claimant', 'trp_holder', 'visitor_record')
    `);
    await queryRunner.query(
      `CREATE TYPE "public"."status_in_canada_old" AS ENUM('none', 'visitor', 'worker', 'student', 'permanent_resident')`,
    );
    await queryRunner.query(`ALTER TABLE "clients" ALTER COLUMN "status_in_canada" DROP DEFAULT`);
    await queryRunner.query(`
      ALTER TABLE "clients" ALTER COLUMN "status_in_canada" TYPE "public"."status_in_canada_old"
        USING "status_in_canada"::"text"::"public"."status_in_canada_old"
    `);
    await queryRunner.query(`DROP TYPE "public"."status_in_canada"`);
    await queryRunner.query(`ALTER TYPE "public"."status_in_canada_old" RENAME TO "status_in_canada"`);
    await queryRunner.query(`ALTER TABLE "clients" ALTER COLUMN "status_in_canada" SET DEFAULT 'none'`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "status_lost_on", DROP COLUMN "status_applied_on"`);
  }
}
