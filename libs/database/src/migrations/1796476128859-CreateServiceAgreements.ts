import { type MigrationInterface, type QueryRunner } from "typeorm";

export class CreateServiceAgreements1796476128859 implements MigrationInterface {
    name = 'CreateServiceAgreements1796476128859'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."prior_representation" AS ENUM('none', 'completed', 'terminated', 'concurrent')
        `);
        await queryRunner.query(`
            CREATE TABLE "agreement_preconditions" (
                "file_id" uuid NOT NULL,
                "identity_method" text NOT NULL,
                "identity_confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "identity_confirmed_by_id" uuid,
                "home_address" text NOT NULL,
                "phone" text,
                "email" text,
                "business_contact" text,
                "prior_representation" "public"."prior_representation" NOT NULL,
                "prior_representation_notes" text,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1ae2094c26e8d468384d58e0729" PRIMARY KEY ("file_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "agreement_templates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL,
                "body_en" text NOT NULL,
                "body_fr" text NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e6eac0a6b52689f8a1c0655f861" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_agreement_templates__version" ON "agreement_templates" ("version")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."agreement_status" AS ENUM(
                'draft',
                'sent',
                'client_signed',
                'signed',
                'superseded'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "agreements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "file_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "status" "public"."agreement_status" NOT NULL DEFAULT 'draft',
                "language" text NOT NULL,
                "template_version" integer NOT NULL,
                "body" text NOT NULL,
                "body_sha256" character(64) NOT NULL,
                "terms" jsonb NOT NULL DEFAULT '{}',
                "created_by_id" uuid,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "sent_by_id" uuid,
                "client_signed_at" TIMESTAMP WITH TIME ZONE,
                "client_typed_name" text,
                "client_ip" text,
                "client_user_agent" text,
                "countersigned_at" TIMESTAMP WITH TIME ZONE,
                "countersigned_by_id" uuid,
                "countersigner_name" text,
                "countersigner_licence" text,
                "countersigner_ip" text,
                "countersigner_user_agent" text,
                "document_id" uuid,
                "pdf_sha256" character(64),
                "superseded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_agreements__language" CHECK (language IN ('en', 'fr')),
                CONSTRAINT "PK_01532f6c999d44c776e3d1fa4c8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_agreements__client_id" ON "agreements" ("client_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_agreements__file_id__live" ON "agreements" ("file_id")
            WHERE status <> 'superseded'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_agreements__file_id__version" ON "agreements" ("file_id", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "agreement_overrides" (
                "file_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "recorded_by_id" uuid,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_c8eb5d53b2bc0947131cd1f9e47" PRIMARY KEY ("file_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_preconditions"
            ADD CONSTRAINT "fk_agreement_preconditions__file_id" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_preconditions"
            ADD CONSTRAINT "fk_agreement_preconditions__identity_confirmed_by_id" FOREIGN KEY ("identity_confirmed_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_templates"
            ADD CONSTRAINT "fk_agreement_templates__created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements"
            ADD CONSTRAINT "fk_agreements__file_id" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements"
            ADD CONSTRAINT "fk_agreements__client_id" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements"
            ADD CONSTRAINT "fk_agreements__created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements"
            ADD CONSTRAINT "fk_agreements__sent_by_id" FOREIGN KEY ("sent_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements"
            ADD CONSTRAINT "fk_agreements__countersigned_by_id" FOREIGN KEY ("countersigned_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements"
            ADD CONSTRAINT "fk_agreements__document_id" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_overrides"
            ADD CONSTRAINT "fk_agreement_overrides__file_id" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_overrides"
            ADD CONSTRAINT "fk_agreement_overrides__recorded_by_id" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "agreement_overrides" DROP CONSTRAINT "fk_agreement_overrides__recorded_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_overrides" DROP CONSTRAINT "fk_agreement_overrides__file_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements" DROP CONSTRAINT "fk_agreements__document_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements" DROP CONSTRAINT "fk_agreements__countersigned_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements" DROP CONSTRAINT "fk_agreements__sent_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements" DROP CONSTRAINT "fk_agreements__created_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements" DROP CONSTRAINT "fk_agreements__client_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements" DROP CONSTRAINT "fk_agreements__file_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_templates" DROP CONSTRAINT "fk_agreement_templates__created_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_preconditions" DROP CONSTRAINT "fk_agreement_preconditions__identity_confirmed_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_preconditions" DROP CONSTRAINT "fk_agreement_preconditions__file_id"
        `);
        await queryRunner.query(`
            DROP TABLE "agreement_overrides"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_agreements__file_id__version"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_agreements__file_id__live"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_agreements__client_id"
        `);
        await queryRunner.query(`
            DROP TABLE "agreements"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."agreement_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_agreement_templates__version"
        `);
        await queryRunner.query(`
            DROP TABLE "agreement_templates"
        `);
        await queryRunner.query(`
            DROP TABLE "agreement_preconditions"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."prior_representation"
        `);
    }

}
