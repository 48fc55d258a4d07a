import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaffRole, UserEntity } from '@app/auth';

export interface ActiveStaff {
  id: string;
  role: StaffRole;
}

/** The staff reminders go to, read in one query per planning batch. */
@Injectable()
export class ReminderRecipients {
  /** Active users among `ids`, plus every active user of `roles`. */
  async activeStaff(manager: EntityManager, ids: string[], roles: StaffRole[]): Promise<ActiveStaff[]> {
    const qb = manager
      .createQueryBuilder(UserEntity, 'u')
      .select(['u.id', 'u.role'])
      .where('u.isActive = true')
      .andWhere(
        `(${
          [
            ...(ids.length > 0 ? ['u.id IN (:...ids)'] : []),
            ...(roles.length > 0 ? ['u.role IN (:...roles)'] : []),
          ].join(' OR ') || 'false'
        })`,
        { ids, roles },
      );
    const rows = await qb.getMany();
    return rows.map((u) => ({ id: u.id, role: u.role }));
  }
}

/** The first of the user's languages PermitDesk writes in; English otherwise. */
export function languageOf(languages: string[] | null | undefined): 'en' | 'fr' {
  const first = (languages ?? [])
    .map((l) => l.toLowerCase().slice(0, 2))
    .find((l) => l === 'en' || l === 'fr');
  return first === 'fr' ? 'fr' : 'en';
}
