import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Client search ranks names that start with the term first, read in name order straight from a btree: a 3-letter
 * term matches thousands of clients anywhere in their name, but only 51 need reading when the index gives them in
 * order. `search_key` is the names' lower-case, unaccented form (immutable, so indexes can hold it: the dictionary
 * is named, not looked up on the search path); the keys are in the "C" collation, so LIKE 'term%' is an index range.
 */
export class AddClientNamePrefixSearch1796500000000 implements MigrationInterface {
    name = 'AddClientNamePrefixSearch1796500000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
        await queryRunner.query(`
            CREATE FUNCTION search_key(value text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                RETURN lower(public.unaccent('public.unaccent'::regdictionary, value))
        `);
        await queryRunner.query(
            `CREATE INDEX "idx_clients__last_first_key" ON "clients" ((search_key(last_name || ' ' || first_name)) COLLATE "C", id)`,
        );
        await queryRunner.query(
            `CREATE INDEX "idx_clients__first_last_key" ON "clients" ((search_key(first_name || ' ' || last_name)) COLLATE "C", id)`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_clients__first_last_key"`);
        await queryRunner.query(`DROP INDEX "public"."idx_clients__last_first_key"`);
        await queryRunner.query(`DROP FUNCTION search_key(text)`);
        await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
    }
}
