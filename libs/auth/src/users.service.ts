import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '@app/database';
import { decodeKeysetCursor, isUuid, toPage, type Page } from '@app/shared';
import { AuthError, AuthErrorCode } from './auth.errors';
import { UserEntity } from './entities/user.entity';
import { commonPasswords } from './common-passwords';
import { PasswordHasher } from './passwords';
import { passwordProblem, type PasswordContext } from './rules/password-policy';
import { StaffRole } from './staff-role';
import { StaffSessionsRepository } from './staff-sessions.repository';
import { UsersRepository, type ActiveStaff, type AssignmentCandidate } from './users.repository';

export interface CreateUserInput {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
  timezone?: string;
  isBookable?: boolean;
  languages?: string[];
  rcicLicenceNumber?: string | null;
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'email'>> & {
  isActive?: boolean;
  email?: string;
};

/**
 * The one password policy (rules/password-policy.ts) for every way a password is set: user creation, an
 * admin's reset, one's own change, the CLI and the first admin from ADMIN_PASSWORD. `field` names the request
 * field the refusal is about.
 */
export function assertAcceptablePassword(password: string, context: PasswordContext, field: string): void {
  const problem = passwordProblem(password, context, commonPasswords());
  if (problem) {
    throw new AuthError(AuthErrorCode.PasswordRefused, `${field}: ${problem}`, { [field]: [problem] });
  }
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: StaffSessionsRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async create(input: CreateUserInput): Promise<UserEntity> {
    assertAcceptablePassword(input.password, input, 'password');
    const user = this.users.newUser({
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      passwordHash: await this.passwords.hash(input.password),
      timezone: input.timezone ?? 'America/Toronto',
      isBookable: input.isBookable ?? input.role === StaffRole.Consultant,
      languages: input.languages ?? ['en'],
      rcicLicenceNumber: input.rcicLicenceNumber ?? null,
    });
    try {
      return await this.users.save(user);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_users__email')) {
        throw new AuthError(AuthErrorCode.EmailTaken, `A user with email ${input.email} already exists`, {
          email: ['is already used by another user'],
        });
      }
      throw error;
    }
  }

  async update(id: string, input: UpdateUserInput): Promise<UserEntity> {
    const user = await this.require(id);
    const demotesAdmin =
      user.role === StaffRole.Admin &&
      user.isActive &&
      ((input.role !== undefined && input.role !== StaffRole.Admin) || input.isActive === false);
    if (demotesAdmin && (await this.countActiveAdmins()) <= 1) {
      throw new AuthError(AuthErrorCode.LastAdmin, 'The last active admin cannot be demoted or deactivated');
    }
    const { password, ...rest } = input;
    if (password !== undefined) {
      assertAcceptablePassword(
        password,
        { email: input.email ?? user.email, name: input.name ?? user.name },
        'password',
      );
    }
    // A password reset or a deactivation ends every session of the user at once (a reactivated account
    // does not bring old tokens back).
    const endsSessions = password !== undefined || (input.isActive === false && user.isActive);
    Object.assign(user, rest);
    if (password !== undefined) {
      user.passwordHash = await this.passwords.hash(password);
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await this.users.save(user, manager);
        if (endsSessions) {
          await this.sessions.endAllOf(user.id, manager);
        }
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_users__email')) {
        throw new AuthError(AuthErrorCode.EmailTaken, `A user with email ${input.email} already exists`, {
          email: ['is already used by another user'],
        });
      }
      throw error;
    }
  }

  /** Changes one's own password and ends every session of the user, this one included. */
  async changeOwnPassword(id: string, currentPassword: string, newPassword: string): Promise<UserEntity> {
    const user = await this.require(id);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new AuthError(AuthErrorCode.WrongPassword, 'The current password is not right', {
        currentPassword: ['is not right'],
      });
    }
    assertAcceptablePassword(newPassword, user, 'newPassword');
    user.passwordHash = await this.passwords.hash(newPassword);
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.users.save(user, manager);
      await this.sessions.endAllOf(user.id, manager);
      return saved;
    });
  }

  async require(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) {
      throw new AuthError(AuthErrorCode.UserNotFound, 'No user with this id');
    }
    return user;
  }

  async verifyCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findActiveByEmail(email.trim());
    if (!user) {
      await this.passwords.verifyNobody(password);
      return null;
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      return null;
    }
    // A hash made at an earlier cost (PASSWORD_HASH_*) is made again at the current one while the password is at
    // hand: hashes follow the setting, and a known email costs what an unknown one does.
    if (this.passwords.needsRehash(user.passwordHash)) {
      const remade = await this.passwords.hash(password);
      await this.users.replacePasswordHash(user.id, user.passwordHash, remade);
      user.passwordHash = remade;
    }
    return user;
  }

  async list(query: {
    limit: number;
    cursor?: string;
    role?: StaffRole;
    q?: string;
  }): Promise<Page<UserEntity>> {
    const after = decodeKeysetCursor(query.cursor, ['text', 'uuid']);
    const rows = await this.users.search(query, after);
    return toPage(
      rows,
      query.limit,
      (u) => [u.name, u.id],
      (u) => u,
    );
  }

  async listBookableConsultants(): Promise<UserEntity[]> {
    return this.users.listBookable();
  }

  countActiveAdmins(): Promise<number> {
    return this.users.countActiveAdmins();
  }

  findByEmails(emails: string[]): Promise<UserEntity[]> {
    return this.users.findByEmails(emails);
  }

  /**
   * The user if `id` names an active consultant or admin (the staff records are assigned to), else null.
   * Pass the manager of a running transaction to read within it.
   */
  async findActiveConsultant(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    if (!isUuid(id)) {
      return null;
    }
    const user = await this.users.findActiveById(id, manager);
    return user && (user.role === StaffRole.Consultant || user.role === StaffRole.Admin) ? user : null;
  }

  /** The active consultant or admin `id` names; `refusal` is thrown otherwise (each feature keeps its own code). */
  async requireActiveConsultant(
    id: string,
    refusal: () => Error,
    manager?: EntityManager,
  ): Promise<UserEntity> {
    const user = await this.findActiveConsultant(id, manager);
    if (!user) {
      throw refusal();
    }
    return user;
  }

  /** Id, role and whether active of the user `id` names (null for an unknown or malformed id). */
  findAssignmentCandidate(id: string, manager?: EntityManager): Promise<AssignmentCandidate | null> {
    return isUuid(id) ? this.users.findAssignmentCandidate(id, manager) : Promise.resolve(null);
  }

  /** The active user `id` names, of any role, or null. */
  findActive(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return isUuid(id) ? this.users.findActiveById(id, manager) : Promise.resolve(null);
  }

  /** Active users among `ids`, plus every active user of `roles`, in one query. */
  findActiveStaff(ids: string[], roles: StaffRole[], manager?: EntityManager): Promise<ActiveStaff[]> {
    return this.users.findActiveStaff(ids, roles, manager);
  }

  /** Names of the staff among `ids`, in one query. */
  namesOf(ids: string[], manager?: EntityManager): Promise<Map<string, string>> {
    return this.users.namesOf(ids, manager);
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the firm has no active admin yet. */
  async ensureFirstAdmin(admin: { email: string; password: string } | undefined): Promise<UserEntity | null> {
    if (!admin || (await this.countActiveAdmins()) > 0) {
      return null;
    }
    assertAcceptablePassword(admin.password, { email: admin.email, name: 'Administrator' }, 'ADMIN_PASSWORD');
    const existing = await this.users.findByEmail(admin.email);
    if (existing) {
      return this.update(existing.id, { role: StaffRole.Admin, isActive: true, password: admin.password });
    }
    return this.create({
      email: admin.email,
      name: 'Administrator',
      role: StaffRole.Admin,
      password: admin.password,
    });
  }
}
