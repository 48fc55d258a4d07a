import type { INestApplication } from '@nestjs/common';
import { StaffRole, UsersService, type UserEntity } from '@app/auth';

let sequence = 0;
const next = () => ++sequence;

/**
 * Factories that insert real rows through the services and return them. Defaults are valid; a test states
 * only what it is about.
 */
export class Given {
  constructor(private readonly app: INestApplication) {}

  user(attrs: Partial<{ role: StaffRole; email: string; name: string; password: string }> = {}): Promise<UserEntity> {
    const n = next();
    return this.app.get(UsersService).create({
      email: attrs.email ?? `staff${n}-${process.pid}@test.permitdesk.ca`,
      name: attrs.name ?? `Staff ${n}`,
      role: attrs.role ?? StaffRole.Consultant,
      password: attrs.password ?? 'a-long-test-password',
    });
  }

  consultant(attrs: Partial<{ email: string; name: string }> = {}): Promise<UserEntity> {
    return this.user({ ...attrs, role: StaffRole.Consultant });
  }
}
