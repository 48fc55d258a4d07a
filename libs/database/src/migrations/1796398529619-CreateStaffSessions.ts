import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff sessions: one row per sign-in, named by the access token's `sid`. A request is authenticated only while its
 * session is neither revoked nor expired, so sign-out, sign-out everywhere, a password change or reset and a
 * deactivation end tokens at once. Tokens issued before this migration carry no `sid` and stop working: everyone
 * signs in again once.
 */
export class CreateStaffSessions1796398529619 implements MigrationInterface {
  name = 'CreateStaffSessions1796398529619';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "staff_sessions" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip_address" text, "user_agent" text, CONSTRAINT "PK_b9be2467392ab95efaa3661cce2" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_staff_sessions__user_id" ON "staff_sessions" ("user_id")`);
    await q.query(
      `ALTER TABLE "staff_sessions" ADD CONSTRAINT "fk_staff_sessions__user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "staff_sessions"`);
  }
}
