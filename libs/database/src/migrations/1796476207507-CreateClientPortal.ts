import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client portal's own tables: a portal account per invited client, one-time sign-in links (only the SHA-256 of
 * their token; single use, voided by a newer one) and server-side portal sessions (ended on sign-out, after
 * inactivity or at their maximum age). Audit events may now name a client as the actor (`actor_client_id`).
 */
export class CreateClientPortal1796476207507 implements MigrationInterface {
  name = 'CreateClientPortal1796476207507';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "portal_accounts" ("client_id" uuid NOT NULL, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL, "invited_by_id" uuid, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_339c160b83cba54e7405d7e331f" PRIMARY KEY ("client_id"))`,
    );
    await q.query(
      `CREATE TABLE "portal_sessions" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "ip_address" text, "user_agent" text, CONSTRAINT "PK_379dfbd23aa9d6e2503df20cb3d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_portal_sessions__client_id" ON "portal_sessions" ("client_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_portal_sessions__token_hash" ON "portal_sessions" ("token_hash")`);
    await q.query(
      `CREATE TABLE "portal_sign_in_links" ("id" uuid NOT NULL, "client_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "voided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_79118e4a1ac5359ce6e223b4e1f" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_portal_sign_in_links__client_id__open" ON "portal_sign_in_links" ("client_id") WHERE used_at IS NULL AND voided_at IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_portal_sign_in_links__token_hash" ON "portal_sign_in_links" ("token_hash")`,
    );
    await q.query(`ALTER TABLE "audit_events" ADD "actor_client_id" uuid`);
    await q.query(
      `ALTER TABLE "portal_accounts" ADD CONSTRAINT "fk_portal_accounts__client_id" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "portal_accounts" ADD CONSTRAINT "fk_portal_accounts__invited_by_id" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "portal_sessions" ADD CONSTRAINT "fk_portal_sessions__client_id" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "portal_sign_in_links" ADD CONSTRAINT "fk_portal_sign_in_links__client_id" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "actor_client_id"`);
    await q.query(`DROP TABLE "portal_sign_in_links"`);
    await q.query(`DROP TABLE "portal_sessions"`);
    await q.query(`DROP TABLE "portal_accounts"`);
  }
}
