import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email confirmation of public bookings: an unconfirmed booking stays `booked` (so the exclusion constraint keeps
 * deciding races for its time) with the moment its hold ends; the partial index serves the periodic release.
 */
export class AddConfirmationHoldToConsultations1795000031000 implements MigrationInterface {
  name = 'AddConfirmationHoldToConsultations1795000031000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "consultations" ADD "hold_expires_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "consultations" ADD "confirmed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `CREATE INDEX "idx_consultations__hold_expires_at" ON "consultations" ("hold_expires_at") WHERE hold_expires_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_consultations__hold_expires_at"`);
    await q.query(`ALTER TABLE "consultations" DROP COLUMN "confirmed_at"`);
    await q.query(`ALTER TABLE "consultations" DROP COLUMN "hold_expires_at"`);
  }
}
