import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ESDC's list of CMAs where low-wage LMIAs were refused from 2025-07-11 to 2025-10-09, as shipped in tfwp-lmia.json. */
const SHIPPED_AREAS = [
  { name: "St. John's", provinceCode: 'NL', unemploymentRate: 7.2 },
  { name: "Halifax", provinceCode: 'NS', unemploymentRate: 6.2 },
  { name: "Fredericton", provinceCode: 'NB', unemploymentRate: 6.2 },
  { name: "Moncton", provinceCode: 'NB', unemploymentRate: 6.4 },
  { name: "Saint John", provinceCode: 'NB', unemploymentRate: 7.4 },
  { name: "Montréal", provinceCode: 'QC', unemploymentRate: 6.9 },
  { name: "Barrie", provinceCode: 'ON', unemploymentRate: 7.3 },
  { name: "Belleville - Quinte West", provinceCode: 'ON', unemploymentRate: 7.1 },
  { name: "Brantford", provinceCode: 'ON', unemploymentRate: 6.8 },
  { name: "Hamilton", provinceCode: 'ON', unemploymentRate: 6.6 },
  { name: "Kingston", provinceCode: 'ON', unemploymentRate: 7.2 },
  { name: "Kitchener-Cambridge-Waterloo", provinceCode: 'ON', unemploymentRate: 6.9 },
  { name: "London", provinceCode: 'ON', unemploymentRate: 6.9 },
  { name: "Oshawa", provinceCode: 'ON', unemploymentRate: 9.2 },
  { name: "Ottawa-Gatineau", provinceCode: 'ON', unemploymentRate: 6.4 },
  { name: "Peterborough", provinceCode: 'ON', unemploymentRate: 9.9 },
  { name: "St. Catharines-Niagara", provinceCode: 'ON', unemploymentRate: 6.4 },
  { name: "Toronto", provinceCode: 'ON', unemploymentRate: 8.9 },
  { name: "Windsor", provinceCode: 'ON', unemploymentRate: 11.0 },
  { name: "Calgary", provinceCode: 'AB', unemploymentRate: 7.3 },
  { name: "Edmonton", provinceCode: 'AB', unemploymentRate: 7.6 },
  { name: "Abbotsford-Mission", provinceCode: 'BC', unemploymentRate: 6.1 },
  { name: "Chilliwack", provinceCode: 'BC', unemploymentRate: 6.3 },
  { name: "Kamloops", provinceCode: 'BC', unemploymentRate: 8.7 },
  { name: "Nanaimo", provinceCode: 'BC', unemploymentRate: 7.3 },
  { name: "Vancouver", provinceCode: 'BC', unemploymentRate: 6.3 },
];

/**
 * ESDC's quarterly refused-CMA lists move into PostgreSQL so admins can import each quarter without a release;
 * seeded with the shipped list (its dates and source). Files get a work location (CMA or municipality) that the
 * low-wage refusal rule is matched against.
 */
export class AddLmiaRefusedAreaListsAndWorkLocation1796401463612 implements MigrationInterface {
  name = 'AddLmiaRefusedAreaListsAndWorkLocation1796401463612';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "lmia_refused_area_lists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "effective_from" date NOT NULL, "effective_to" date, "source" text NOT NULL, "note" text, "areas" jsonb NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e6ffda288369901d99dad38b192" UNIQUE ("effective_from"), CONSTRAINT "PK_8b01082d4af9d65e622b63383c0" PRIMARY KEY ("id"))`,
    );
    await q.query(`ALTER TABLE "work_permit_files" ADD "work_location" text`);
    await q.query(
      `INSERT INTO "lmia_refused_area_lists" ("effective_from", "effective_to", "source", "note", "areas") VALUES ($1, $2, $3, $4, $5)`,
      ['2025-07-11', '2025-10-09', 'https://www.cic-report.com/?p=5107', "The newest complete list in the stored material when the product shipped; import the current quarter (PUT /api/reference/lmia-refused-areas or npm run cli -- import-refused-areas).", JSON.stringify(SHIPPED_AREAS)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "work_permit_files" DROP COLUMN "work_location"`);
    await q.query(`DROP TABLE "lmia_refused_area_lists"`);
  }
}
