import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clients, with an email unique among active clients and pg_trgm indexes for the `q` search. */
export class CreateClients1795000001000 implements MigrationInterface {
  name = 'CreateClients1795000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "public"."status_in_canada" AS ENUM('none', 'visitor', 'worker', 'student', 'permanent_resident')`,
    );
    await q.query(`CREATE TYPE "public"."preferred_language" AS ENUM('en', 'fr')`);
    await q.query(
      `CREATE TABLE "clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "first_name" text NOT NULL, "last_name" text NOT NULL, "email" citext, "phone" text, "date_of_birth" date, "citizenship" character(2), "country_of_residence" character(2), "status_in_canada" "public"."status_in_canada" NOT NULL DEFAULT 'none', "status_expires_on" date, "passport_number_encrypted" text, "passport_number_hint" text, "passport_expires_on" date, "uci" text, "preferred_language" "public"."preferred_language" NOT NULL DEFAULT 'en', "consultant_id" uuid, "is_prospect" boolean NOT NULL DEFAULT false, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_clients__created_at" ON "clients" ("created_at", "id")`);
    await q.query(
      `CREATE INDEX "idx_clients__consultant_id__created_at" ON "clients" ("consultant_id", "created_at", "id")`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_clients__email_active" ON "clients" ("email") WHERE archived_at IS NULL`);
    await q.query(
      `ALTER TABLE "clients" ADD CONSTRAINT "fk_clients__consultant_id" FOREIGN KEY ("consultant_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    // Text search: ClientsRepository.list filters with ILIKE '%term%' on exactly these expressions.
    await q.query(
      `CREATE INDEX "idx_clients__full_name_trgm" ON "clients" USING gin ((first_name || ' ' || last_name) gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX "idx_clients__email_trgm" ON "clients" USING gin ((email::text) gin_trgm_ops)`);
    await q.query(`CREATE INDEX "idx_clients__phone_trgm" ON "clients" USING gin (phone gin_trgm_ops)`);
    await q.query(`CREATE INDEX "idx_clients__uci_trgm" ON "clients" USING gin (uci gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "clients"`);
    await q.query(`DROP TYPE "public"."preferred_language"`);
    await q.query(`DROP TYPE "public"."status_in_canada"`);
  }
}
