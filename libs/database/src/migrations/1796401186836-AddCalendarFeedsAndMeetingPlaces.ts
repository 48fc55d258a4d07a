import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar invites that calendars merge: where a consultation takes place (a video link, a phone number or an
 * office address) per consultant and per consultation type, shown in the emails and as the invite's LOCATION;
 * and each consultant's private calendar subscription, of which only the token's SHA-256 is kept.
 */
export class AddCalendarFeedsAndMeetingPlaces1796401186836 implements MigrationInterface {
  name = 'AddCalendarFeedsAndMeetingPlaces1796401186836';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "calendar_feeds" ("consultant_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_fetched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_01f803d3e4f22807d2c53ca2ae8" PRIMARY KEY ("consultant_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_calendar_feeds__token_hash" ON "calendar_feeds" ("token_hash")`);
    await q.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "fk_calendar_feeds__consultant_id" FOREIGN KEY ("consultant_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    for (const table of ['consultant_availability', 'consultation_types']) {
      await q.query(`ALTER TABLE "${table}" ADD "video_link" text, ADD "phone_number" text, ADD "office_address" text`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['consultation_types', 'consultant_availability']) {
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "office_address", DROP COLUMN "phone_number", DROP COLUMN "video_link"`);
    }
    await q.query(`DROP TABLE "calendar_feeds"`);
  }
}
