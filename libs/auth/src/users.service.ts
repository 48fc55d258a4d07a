import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { isUniqueViolation } from '@app/database';
import { decodeCursor, toPage, type Page } from '@app/shared';
import { AuthError, AuthErrorCode } from './auth.errors';
import { UserEntity } from './entities/user.entity';
import { commonPasswords } from './common-passwords';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { passwordProblem, type PasswordContext } from './rules/password-policy';
import { StaffRole } from './staff-role';
import { StaffSessionsService } from './staff-sessions.service';

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
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: StaffSessionsService,
  ) {}

  async create(input: CreateUserInput): Promise<UserEntity> {
    assertAcceptablePassword(input.password, input, 'password');
    const user = this.users.create({
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
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
      user.passwordHash = await hashPassword(password);
    }
    try {
      return await this.users.manager.transaction(async (manager) => {
        const saved = await manager.save(user);
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
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AuthError(AuthErrorCode.WrongPassword, 'The current password is not right', {
        currentPassword: ['is not right'],
      });
    }
    assertAcceptablePassword(newPassword, user, 'newPassword');
    user.passwordHash = await hashPassword(newPassword);
    return this.users.manager.transaction(async (manager) => {
      const saved = await manager.save(user);
      await this.sessions.endAllOf(user.id, manager);
      return saved;
    });
  }

  async require(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) {
      throw new AuthError(AuthErrorCode.UserNotFound, 'No user with this id');
    }
    return user;
  }

  async verifyCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findOneBy({ email: email.trim(), isActive: true });
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      return null;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user : null;
  }

  async list(query: {
    limit: number;
    cursor?: string;
    role?: StaffRole;
    q?: string;
  }): Promise<Page<UserEntity>> {
    const after = decodeCursor(query.cursor, 2);
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(query.limit + 1);
    if (query.role) {
      qb.andWhere('u.role = :role', { role: query.role });
    }
    if (query.q) {
      qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    }
    if (after) {
      qb.andWhere('(u.name, u.id) > (:name, :id)', { name: after[0], id: after[1] });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      query.limit,
      (u) => [u.name, u.id],
      (u) => u,
    );
  }

  async listBookableConsultants(): Promise<UserEntity[]> {
    return this.users.find({ where: { isActive: true, isBookable: true }, order: { name: 'ASC' } });
  }

  countActiveAdmins(): Promise<number> {
    return this.users.countBy({ role: StaffRole.Admin, isActive: true });
  }

  findByEmails(emails: string[]): Promise<UserEntity[]> {
    return this.users.find({ where: { email: In(emails) } });
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the firm has no active admin yet. */
  async ensureFirstAdmin(admin: { email: string; password: string } | undefined): Promise<UserEntity | null> {
    if (!admin || (await this.countActiveAdmins()) > 0) {
      return null;
    }
    assertAcceptablePassword(admin.password, { email: admin.email, name: 'Administrator' }, 'ADMIN_PASSWORD');
    const existing = await this.users.findOneBy({ email: admin.email });
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
