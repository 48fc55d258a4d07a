import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService, type ActiveStaff, type StaffRole } from '@app/auth';

export type { ActiveStaff };

/** The staff reminders go to, read in one query per planning batch (asked of auth's UsersService). */
@Injectable()
export class ReminderRecipients {
  constructor(private readonly users: UsersService) {}

  /** Active users among `ids`, plus every active user of `roles`. */
  activeStaff(manager: EntityManager, ids: string[], roles: StaffRole[]): Promise<ActiveStaff[]> {
    return this.users.findActiveStaff(ids, roles, manager);
  }
}
