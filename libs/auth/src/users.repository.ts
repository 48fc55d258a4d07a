import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { likePattern } from '@app/shared';
import { UserEntity } from './entities/user.entity';
import { StaffRole } from './staff-role';

export interface UserSearch {
  limit: number;
  role?: StaffRole;
  /** A fragment of the name or email. */
  q?: string;
}

/** Who a staff member is, as much as an assignment check needs. */
export type AssignmentCandidate = Pick<UserEntity, 'id' | 'role' | 'isActive'>;

/** An active staff member, as reminders address them. */
export interface ActiveStaff {
  id: string;
  role: StaffRole;
}

/** Every query of the `users` table. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  newUser(values: Partial<UserEntity>): UserEntity {
    return this.users.create(values);
  }

  save(user: UserEntity, manager?: EntityManager): Promise<UserEntity> {
    return manager ? manager.save(user) : this.users.save(user);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return (manager ?? this.users.manager).findOneBy(UserEntity, { id });
  }

  findActiveById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return (manager ?? this.users.manager).findOneBy(UserEntity, { id, isActive: true });
  }

  /** Stores `next` as the user's hash unless it changed since it was `previous` (a password change meanwhile wins). */
  async replacePasswordHash(id: string, previous: string, next: string): Promise<void> {
    await this.users.manager.query(
      'UPDATE users SET password_hash = $3, updated_at = now() WHERE id = $1 AND password_hash = $2',
      [id, previous, next],
    );
  }

  findActiveByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email, isActive: true });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email });
  }

  findByEmails(emails: string[]): Promise<UserEntity[]> {
    return this.users.find({ where: { email: In(emails) } });
  }

  /** Id, role and whether active: what deciding who may be assigned a record needs. */
  findAssignmentCandidate(id: string, manager?: EntityManager): Promise<AssignmentCandidate | null> {
    return (manager ?? this.users.manager).findOne(UserEntity, {
      where: { id },
      select: { id: true, role: true, isActive: true },
    });
  }

  /** By name, then id, from the keyset position `after`; one row more than the limit tells of a next page. */
  search(query: UserSearch, after?: readonly [name: string, id: string]): Promise<UserEntity[]> {
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(query.limit + 1);
    if (query.role) {
      qb.andWhere('u.role = :role', { role: query.role });
    }
    if (query.q) {
      qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: likePattern(query.q) });
    }
    if (after) {
      qb.andWhere('(u.name, u.id) > (:name, :id)', { name: after[0], id: after[1] });
    }
    return qb.getMany();
  }

  listBookable(): Promise<UserEntity[]> {
    return this.users.find({ where: { isActive: true, isBookable: true }, order: { name: 'ASC' } });
  }

  countActiveAdmins(): Promise<number> {
    return this.users.countBy({ role: StaffRole.Admin, isActive: true });
  }

  /** Active users among `ids`, plus every active user of `roles`, in one query. */
  async findActiveStaff(ids: string[], roles: StaffRole[], manager?: EntityManager): Promise<ActiveStaff[]> {
    const who = [
      ...(ids.length > 0 ? ['u.id IN (:...ids)'] : []),
      ...(roles.length > 0 ? ['u.role IN (:...roles)'] : []),
    ];
    const rows = await (manager ?? this.users.manager)
      .createQueryBuilder(UserEntity, 'u')
      .select(['u.id', 'u.role'])
      .where('u.isActive = true')
      .andWhere(`(${who.join(' OR ') || 'false'})`, { ids, roles })
      .getMany();
    return rows.map((u) => ({ id: u.id, role: u.role }));
  }

  /** Names of the users among `ids` (unknown ids are left out). */
  async namesOf(ids: string[], manager?: EntityManager): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) {
      return new Map();
    }
    const users = await (manager ?? this.users.manager).find(UserEntity, {
      where: { id: In(unique) },
      select: { id: true, name: true },
    });
    return new Map(users.map((u) => [u.id, u.name]));
  }
}
