import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * A client's two name search keys (search_key of "last first" and "first last") become stored generated columns,
 * so a search compares them as they are instead of unaccenting both names of every row it reads: rank 3 of a name
 * search left out the prefix matches by computing both keys on each of its ~1,100 candidate rows. The btrees of
 * AddClientNamePrefixSearch now hold the columns (in their "C" collation) with id, in the same order as before.
 *
 * TypeORM reads a generated column's expression from its typeorm_metadata table, not from the catalog; the app
 * runs migrations without entities, so nothing else creates that table.
 */
export class StoreClientSearchKeys1796500100000 implements MigrationInterface {
    name = 'StoreClientSearchKeys1796500100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE IF NOT EXISTS "typeorm_metadata" (
                "type" character varying NOT NULL, "database" character varying, "schema" character varying,
                "table" character varying, "name" character varying, "value" text
            )
        `);
        await queryRunner.query(`DROP INDEX "public"."idx_clients__last_first_key"`);
        await queryRunner.query(`DROP INDEX "public"."idx_clients__first_last_key"`);
        await queryRunner.query(`
            ALTER TABLE "clients"
                ADD "last_first_key" text COLLATE "C" NOT NULL GENERATED ALWAYS AS (search_key(last_name || ' ' || first_name)) STORED,
                ADD "first_last_key" text COLLATE "C" NOT NULL GENERATED ALWAYS AS (search_key(first_name || ' ' || last_name)) STORED
        `);
        for (const [name, expression] of KEYS) {
            await queryRunner.query(
                `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
                 VALUES (current_database(), 'public', 'clients', 'GENERATED_COLUMN', $1, $2)`,
                [name, expression],
            );
        }
        await queryRunner.query(`CREATE INDEX "idx_clients__last_first_key" ON "clients" ("last_first_key", "id")`);
        await queryRunner.query(`CREATE INDEX "idx_clients__first_last_key" ON "clients" ("first_last_key", "id")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_clients__first_last_key"`);
        await queryRunner.query(`DROP INDEX "public"."idx_clients__last_first_key"`);
        await queryRunner.query(
            `DELETE FROM "typeorm_metadata"
             WHERE "type" = 'GENERATED_COLUMN' AND "schema" = 'public' AND "table" = 'clients' AND "name" = ANY($1)`,
            [KEYS.map(([name]) => name)],
        );
        await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "first_last_key", DROP COLUMN "last_first_key"`);
        await queryRunner.query(
            `CREATE INDEX "idx_clients__last_first_key" ON "clients" ((search_key(last_name || ' ' || first_name)) COLLATE "C", id)`,
        );
        await queryRunner.query(
            `CREATE INDEX "idx_clients__first_last_key" ON "clients" ((search_key(first_name || ' ' || last_name)) COLLATE "C", id)`,
        );
    }
}

/** The columns and their expressions exactly as the client entity declares them. */
const KEYS: [name: string, expression: string][] = [
    ['last_first_key', `search_key(last_name || ' ' || first_name)`],
    ['first_last_key', `search_key(first_name || ' ' || last_name)`],
];
