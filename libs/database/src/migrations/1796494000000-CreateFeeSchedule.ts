import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The firm's fee schedule: services with a default professional fee (whole cents, not negative), the government
 * fees that usually apply, and a milestone payment plan (one milestone per position). A deferred constraint
 * trigger checks at commit that a service's milestones add up exactly to its fee, so a write that replaces them
 * one row at a time may pass through sums that do not. Names are unique case aside. An agreement drawn from a
 * service names it, and the service can then never be deleted.
 */
export class CreateFeeSchedule1796494000000 implements MigrationInterface {
    name = 'CreateFeeSchedule1796494000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "fee_schedule_services" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "name_fr" text NOT NULL,
                "stream" "public"."work_permit_stream",
                "professional_fee_cents" integer NOT NULL,
                "government_fee_keys" text array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "updated_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_fee_schedule_services__fee" CHECK (professional_fee_cents >= 0),
                CONSTRAINT "PK_e4d5b44d1d3eaab30dea364226c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_fee_schedule_services__name" ON "fee_schedule_services" (lower("name"))
        `);
        await queryRunner.query(`
            CREATE TABLE "fee_schedule_milestones" (
                "service_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "label" text NOT NULL,
                "label_fr" text NOT NULL,
                "amount_cents" integer NOT NULL,
                CONSTRAINT "chk_fee_schedule_milestones__amount" CHECK (amount_cents >= 0),
                CONSTRAINT "chk_fee_schedule_milestones__position" CHECK (position >= 1),
                CONSTRAINT "pk_fee_schedule_milestones" PRIMARY KEY ("service_id", "position")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements"
            ADD "fee_schedule_service_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "fee_schedule_services"
            ADD CONSTRAINT "fk_fee_schedule_services__updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "fee_schedule_milestones"
            ADD CONSTRAINT "fk_fee_schedule_milestones__service_id" FOREIGN KEY ("service_id") REFERENCES "fee_schedule_services"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements"
            ADD CONSTRAINT "fk_agreements__fee_schedule_service_id" FOREIGN KEY ("fee_schedule_service_id") REFERENCES "fee_schedule_services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            CREATE FUNCTION fee_schedule_milestones_add_up() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                services uuid[];
                service uuid;
                fee integer;
                allocated bigint;
            BEGIN
                -- Each branch names only the columns of the table whose trigger runs it.
                IF TG_TABLE_NAME = 'fee_schedule_services' THEN
                    services := ARRAY[NEW.id];
                ELSIF TG_OP = 'DELETE' THEN
                    services := ARRAY[OLD.service_id];
                ELSIF TG_OP = 'UPDATE' THEN
                    services := ARRAY[OLD.service_id, NEW.service_id];
                ELSE
                    services := ARRAY[NEW.service_id];
                END IF;
                FOREACH service IN ARRAY services LOOP
                    SELECT professional_fee_cents INTO fee FROM fee_schedule_services WHERE id = service;
                    CONTINUE WHEN NOT FOUND; -- the service itself is gone
                    SELECT COALESCE(sum(amount_cents), 0) INTO allocated
                      FROM fee_schedule_milestones WHERE service_id = service;
                    IF allocated <> fee THEN
                        RAISE EXCEPTION 'The milestones of fee schedule service % add up to % cents, not its fee of % cents',
                            service, allocated, fee
                            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_fee_schedule_milestones__add_up';
                    END IF;
                END LOOP;
                RETURN NULL;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER "chk_fee_schedule_services__milestones_add_up"
            AFTER INSERT OR UPDATE OF professional_fee_cents ON "fee_schedule_services"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fee_schedule_milestones_add_up()
        `);
        await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER "chk_fee_schedule_milestones__add_up"
            AFTER INSERT OR UPDATE OR DELETE ON "fee_schedule_milestones"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fee_schedule_milestones_add_up()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TRIGGER "chk_fee_schedule_milestones__add_up" ON "fee_schedule_milestones"
        `);
        await queryRunner.query(`
            DROP TRIGGER "chk_fee_schedule_services__milestones_add_up" ON "fee_schedule_services"
        `);
        await queryRunner.query(`
            DROP FUNCTION fee_schedule_milestones_add_up()
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements" DROP CONSTRAINT "fk_agreements__fee_schedule_service_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "fee_schedule_milestones" DROP CONSTRAINT "fk_fee_schedule_milestones__service_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "fee_schedule_services" DROP CONSTRAINT "fk_fee_schedule_services__updated_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreements" DROP COLUMN "fee_schedule_service_id"
        `);
        await queryRunner.query(`
            DROP TABLE "fee_schedule_milestones"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_fee_schedule_services__name"
        `);
        await queryRunner.query(`
            DROP TABLE "fee_schedule_services"
        `);
    }

}
