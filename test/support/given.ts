import type { INestApplication } from '@nestjs/common';
import { AgreementsService } from '@app/agreements';
import { DataSource } from 'typeorm';
import { PasswordHasher, StaffRole, UserEntity, UsersService, type StaffUser } from '@app/auth';
import { ClientsService, type ClientEntity, type CreateClientInput } from '@app/clients';
import { ALL_RECORDS } from '@app/shared';
import {
  ApplicationType,
  DeadlinesService,
  WorkPermitFilesService,
  WorkPermitStream,
  type CreateDeadlineInput,
  type DeadlineEntity,
  type OpenFileInput,
  type WorkPermitFileEntity,
} from '@app/work-permits';

let sequence = 0;
const next = () => ++sequence;

/** The password of every staff user a test creates without naming one. */
export const TEST_PASSWORD = 'a-long-test-password';

// One real argon2id hash of TEST_PASSWORD (at the tests' cost, testVariables) per test process, shared by the users
// created with it: most tests sign people in without being about passwords. Signing in with TEST_PASSWORD still
// verifies it against this hash, as in production.
let testPasswordHash: Promise<string> | undefined;

/**
 * Factories that insert real rows through the services and return them. Defaults are valid; a test states
 * only what it is about.
 */
export class Given {
  constructor(private readonly app: INestApplication) {}

  /**
   * A staff user. With a password of its own, created through UsersService (policy, hashing); without one, a row
   * with TEST_PASSWORD's shared hash and the defaults UsersService.create gives.
   */
  async user(
    attrs: Partial<{ role: StaffRole; email: string; name: string; password: string }> = {},
  ): Promise<UserEntity> {
    const n = next();
    const input = {
      email: attrs.email ?? `staff${n}-${process.pid}@test.permitdesk.ca`,
      name: attrs.name ?? `Staff ${n}`,
      role: attrs.role ?? StaffRole.Consultant,
    };
    if (attrs.password !== undefined && attrs.password !== TEST_PASSWORD) {
      return this.app.get(UsersService).create({ ...input, password: attrs.password });
    }
    testPasswordHash ??= this.app.get(PasswordHasher).hash(TEST_PASSWORD);
    const users = this.app.get(DataSource).getRepository(UserEntity);
    const { id } = await users.save(
      users.create({
        ...input,
        passwordHash: await testPasswordHash,
        isBookable: input.role === StaffRole.Consultant,
      }),
    );
    return users.findOneByOrFail({ id });
  }

  consultant(attrs: Partial<{ email: string; name: string }> = {}): Promise<UserEntity> {
    return this.user({ ...attrs, role: StaffRole.Consultant });
  }

  /** A client inserted through ClientsService (as the system), with valid defaults and a unique email. */
  client(attrs: Partial<CreateClientInput> & { consultantId?: string | null } = {}): Promise<ClientEntity> {
    const n = next();
    return this.app.get(ClientsService).create(
      {
        firstName: `Client${n}`,
        lastName: 'Tester',
        email: `client${n}-${process.pid}@test.permitdesk.ca`,
        ...attrs,
      },
      null,
    );
  }

  private fileOpener?: Promise<StaffUser>;

  /**
   * A work-permit file opened through WorkPermitFilesService: by default an IMP C43 (PGWP, open) file for a new
   * client, opened by an admin. A given consultantId also becomes the new client's consultant.
   */
  async file(
    attrs: Partial<OpenFileInput> & { clientId?: string; consultantId?: string | null } = {},
    actor?: StaffUser,
  ): Promise<WorkPermitFileEntity> {
    const clientId = attrs.clientId ?? (await this.client({ consultantId: attrs.consultantId ?? null })).id;
    this.fileOpener ??= this.user({ role: StaffRole.Admin, name: 'File Opener' }).then((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
    }));
    const stream = attrs.stream ?? WorkPermitStream.Imp;
    return this.app.get(WorkPermitFilesService).open(
      {
        applicationType: ApplicationType.Initial,
        ...(stream === WorkPermitStream.Imp && attrs.imp === undefined
          ? { imp: { exemptionCode: 'C43' } }
          : {}),
        ...attrs,
        stream,
        clientId,
      },
      actor ?? (await this.fileOpener),
    );
  }

  /**
   * An admin's override letting the file leave intake without a service agreement signed in PermitDesk, for tests
   * about the workflow rather than the agreement (test/e2e/agreement.e2e.ts covers that).
   */
  async agreementOverride(fileId: string, reason = 'Signed on paper before PermitDesk'): Promise<void> {
    this.fileOpener ??= this.user({ role: StaffRole.Admin, name: 'File Opener' }).then((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
    }));
    await this.app.get(AgreementsService).recordOverride(fileId, reason, await this.fileOpener, ALL_RECORDS);
  }

  /** A manual deadline on a file, added by an admin: by default a custom one titled after its due day. */
  async deadline(fileId: string, attrs: Partial<CreateDeadlineInput> = {}): Promise<DeadlineEntity> {
    this.fileOpener ??= this.user({ role: StaffRole.Admin, name: 'File Opener' }).then((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
    }));
    const dueOn = attrs.dueOn ?? '2027-06-01';
    return this.app
      .get(DeadlinesService)
      .createCustom(fileId, { title: `Due ${dueOn}`, ...attrs, dueOn }, await this.fileOpener, {});
  }
}
