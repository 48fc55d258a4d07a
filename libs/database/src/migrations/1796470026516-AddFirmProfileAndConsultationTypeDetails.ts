import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddFirmProfileAndConsultationTypeDetails1796470026516 implements MigrationInterface {
    name = 'AddFirmProfileAndConsultationTypeDetails1796470026516'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "firm_profile" (
                "id" smallint NOT NULL,
                "name" text,
                "address" text,
                "phone" text,
                "public_email" text,
                "logo" bytea,
                "logo_content_type" text,
                "logo_updated_at" TIMESTAMP WITH TIME ZONE,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_firm_profile__logo" CHECK (
                    (
                        logo IS NULL
                        AND logo_content_type IS NULL
                    )
                    OR (
                        logo IS NOT NULL
                        AND logo_content_type IN ('image/png', 'image/jpeg')
                    )
                ),
                CONSTRAINT "chk_firm_profile__single_row" CHECK (id = 1),
                CONSTRAINT "PK_c0741e3ed3047a34b50b423dae5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation_types"
            ADD "description" text
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation_types"
            ADD "description_fr" text
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation_types"
            ADD "mode" "public"."consultation_mode" NOT NULL DEFAULT 'video'
        `);
        await queryRunner.query(`
            ALTER TABLE "firm_profile"
            ADD CONSTRAINT "fk_firm_profile__updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "firm_profile" DROP CONSTRAINT "fk_firm_profile__updated_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation_types" DROP COLUMN "mode"
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation_types" DROP COLUMN "description_fr"
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation_types" DROP COLUMN "description"
        `);
        await queryRunner.query(`
            DROP TABLE "firm_profile"
        `);
    }

}
