import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each audited request came from: the client address and user agent ("who, when, from where"). */
export class AddRequestOriginToAuditEvents1796456490817 implements MigrationInterface {
  name = 'AddRequestOriginToAuditEvents1796456490817';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "ip_address" inet`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "user_agent" character varying(300)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "user_agent"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "ip_address"`);
  }
}
