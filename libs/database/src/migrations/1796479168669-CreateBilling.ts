import { type MigrationInterface, type QueryRunner } from "typeorm";

export class CreateBilling1796479168669 implements MigrationInterface {
    name = 'CreateBilling1796479168669'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "billing_settings" (
                "id" smallint NOT NULL,
                "gst_hst_number" text,
                "qst_number" text,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_billing_settings__qst_number" CHECK (qst_number ~ '^[0-9]{10}TQ[0-9]{4}$'),
                CONSTRAINT "chk_billing_settings__gst_hst_number" CHECK (gst_hst_number ~ '^[0-9]{9}RT[0-9]{4}$'),
                CONSTRAINT "chk_billing_settings__single_row" CHECK (id = 1),
                CONSTRAINT "PK_50de306c9059fe5297a3483516a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."invoice_status" AS ENUM('draft', 'issued', 'paid', 'void')
        `);
        await queryRunner.query(`
            CREATE TABLE "invoices" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "number" text,
                "status" "public"."invoice_status" NOT NULL DEFAULT 'draft',
                "file_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "currency" text NOT NULL DEFAULT 'CAD',
                "country" character(2) NOT NULL,
                "province" character(2),
                "zero_rated_candidate" boolean NOT NULL DEFAULT false,
                "zero_rated_confirmed" boolean NOT NULL DEFAULT false,
                "subtotal_cents" integer NOT NULL DEFAULT '0',
                "tax_cents" integer NOT NULL DEFAULT '0',
                "total_cents" integer NOT NULL DEFAULT '0',
                "paid_cents" integer NOT NULL DEFAULT '0',
                "taxes" jsonb NOT NULL DEFAULT '[]',
                "notes" text,
                "gst_hst_number" text,
                "qst_number" text,
                "issued_on" date,
                "issued_at" TIMESTAMP WITH TIME ZONE,
                "voided_at" TIMESTAMP WITH TIME ZONE,
                "void_reason" text,
                "created_by_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_invoices__place" CHECK ((country = 'CA') = (province IS NOT NULL)),
                CONSTRAINT "chk_invoices__issued" CHECK (
          status = 'void'
          OR (status = 'draft' AND number IS NULL AND issued_on IS NULL)
          OR (number IS NOT NULL AND issued_on IS NOT NULL)
        ),
        CONSTRAINT "chk_invoices__amounts" CHECK (
                    subtotal_cents >= 0
                    AND tax_cents >= 0
                    AND total_cents = subtotal_cents + tax_cents
                    AND paid_cents >= 0
                    AND paid_cents <= total_cents
                ),
                CONSTRAINT "chk_invoices__currency" CHECK (currency = 'CAD'),
                CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_invoices__client_id__created_at" ON "invoices" ("client_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_invoices__file_id__created_at" ON "invoices" ("file_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_invoices__created_at" ON "invoices" ("created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_invoices__number" ON "invoices" ("number")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."account_entry_kind" AS ENUM('deposit', 'transfer', 'refund')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."account_method" AS ENUM(
                'cash',
                'e_transfer',
                'card',
                'cheque',
                'invoice'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "client_account_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "kind" "public"."account_entry_kind" NOT NULL,
                "amount_cents" integer NOT NULL,
                "balance_after_cents" bigint NOT NULL,
                "method" "public"."account_method" NOT NULL,
                "received_on" date NOT NULL,
                "reference" text,
                "invoice_id" uuid,
                "recorded_by_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_client_account_entries__invoice" CHECK ((kind = 'transfer') = (invoice_id IS NOT NULL)),
                CONSTRAINT "chk_client_account_entries__sign" CHECK (
                    (
                        kind = 'deposit'
                        AND amount_cents > 0
                    )
                    OR (
                        kind <> 'deposit'
                        AND amount_cents < 0
                    )
                ),
                CONSTRAINT "PK_bd4112f2e1005e5944f38e2c7a5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_client_account_entries__client_id__created_at" ON "client_account_entries" ("client_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "client_accounts" (
                "client_id" uuid NOT NULL,
                "balance_cents" bigint NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_client_accounts__balance" CHECK (balance_cents >= 0),
                CONSTRAINT "PK_a3c5e1965d44330eb2146ec774c" PRIMARY KEY ("client_id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."invoice_line_kind" AS ENUM('professional_fee', 'disbursement')
        `);
        await queryRunner.query(`
            CREATE TABLE "invoice_lines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "invoice_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "kind" "public"."invoice_line_kind" NOT NULL,
                "description" text NOT NULL,
                "quantity" integer NOT NULL,
                "unit_cents" integer NOT NULL,
                "amount_cents" integer NOT NULL,
                "tax_cents" integer NOT NULL,
                "taxes" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "chk_invoice_lines__amounts" CHECK (
                    quantity >= 1
                    AND unit_cents >= 0
                    AND amount_cents = quantity * unit_cents
                    AND tax_cents >= 0
                ),
                CONSTRAINT "PK_3d18eb48142b916f581f0c21a65" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_invoice_lines__invoice_id__position" ON "invoice_lines" ("invoice_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "invoice_number_counters" (
                "year" integer NOT NULL,
                "last_value" integer NOT NULL,
                CONSTRAINT "PK_f9e1ffa68d0d4181f94c73c0685" PRIMARY KEY ("year")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."payment_method" AS ENUM(
                'cash',
                'e_transfer',
                'card',
                'cheque',
                'client_account'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "invoice_payments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "invoice_id" uuid NOT NULL,
                "amount_cents" integer NOT NULL,
                "method" "public"."payment_method" NOT NULL,
                "received_on" date NOT NULL,
                "reference" text,
                "recorded_by_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_invoice_payments__amount" CHECK (amount_cents > 0),
                CONSTRAINT "PK_e19c9ebfa432289f510de7b4e99" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_invoice_payments__invoice_id__created_at" ON "invoice_payments" ("invoice_id", "created_at", "id")
        `);
        await queryRunner.query(`
            ALTER TABLE "billing_settings"
            ADD CONSTRAINT "FK_ef437f4ef84b402b16c51b8e5d2" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invoices"
            ADD CONSTRAINT "FK_43bcf48ee72710023204c398463" FOREIGN KEY ("file_id") REFERENCES "work_permit_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invoices"
            ADD CONSTRAINT "FK_5534ba11e10f1a9953cbdaabf16" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invoices"
            ADD CONSTRAINT "FK_7e369959f4952d563122ef12f11" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_account_entries"
            ADD CONSTRAINT "FK_ee2573c2f721ccb63f475aadaaa" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_account_entries"
            ADD CONSTRAINT "FK_a9a73cff5d73733252e467956e3" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_account_entries"
            ADD CONSTRAINT "FK_1993762c03edf147927702864f7" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_accounts"
            ADD CONSTRAINT "FK_a3c5e1965d44330eb2146ec774c" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice_lines"
            ADD CONSTRAINT "FK_2da95dc86a54a00ff20ce46d0fe" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice_payments"
            ADD CONSTRAINT "FK_e94fa427d3da279450dba6f4aa6" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice_payments"
            ADD CONSTRAINT "FK_704095fb3c84b079115a9c74a10" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "invoice_payments" DROP CONSTRAINT "FK_704095fb3c84b079115a9c74a10"
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice_payments" DROP CONSTRAINT "FK_e94fa427d3da279450dba6f4aa6"
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice_lines" DROP CONSTRAINT "FK_2da95dc86a54a00ff20ce46d0fe"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_accounts" DROP CONSTRAINT "FK_a3c5e1965d44330eb2146ec774c"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_account_entries" DROP CONSTRAINT "FK_1993762c03edf147927702864f7"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_account_entries" DROP CONSTRAINT "FK_a9a73cff5d73733252e467956e3"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_account_entries" DROP CONSTRAINT "FK_ee2573c2f721ccb63f475aadaaa"
        `);
        await queryRunner.query(`
            ALTER TABLE "invoices" DROP CONSTRAINT "FK_7e369959f4952d563122ef12f11"
        `);
        await queryRunner.query(`
            ALTER TABLE "invoices" DROP CONSTRAINT "FK_5534ba11e10f1a9953cbdaabf16"
        `);
        await queryRunner.query(`
            ALTER TABLE "invoices" DROP CONSTRAINT "FK_43bcf48ee72710023204c398463"
        `);
        await queryRunner.query(`
            ALTER TABLE "billing_settings" DROP CONSTRAINT "FK_ef437f4ef84b402b16c51b8e5d2"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_invoice_payments__invoice_id__created_at"
        `);
        await queryRunner.query(`
            DROP TABLE "invoice_payments"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."payment_method"
        `);
        await queryRunner.query(`
            DROP TABLE "invoice_number_counters"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_invoice_lines__invoice_id__position"
        `);
        await queryRunner.query(`
            DROP TABLE "invoice_lines"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."invoice_line_kind"
        `);
        await queryRunner.query(`
            DROP TABLE "client_accounts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_client_account_entries__client_id__created_at"
        `);
        await queryRunner.query(`
            DROP TABLE "client_account_entries"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."account_method"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."account_entry_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_invoices__number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_invoices__created_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_invoices__file_id__created_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_invoices__client_id__created_at"
        `);
        await queryRunner.query(`
            DROP TABLE "invoices"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."invoice_status"
        `);
        await queryRunner.query(`
            DROP TABLE "billing_settings"
        `);
    }

}
