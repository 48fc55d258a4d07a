import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AppConfig } from '@app/config';

export interface DemoSummary {
  password: string;
  logins: { role: string; email: string }[];
}

/** What a start does before serving: the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the firm has none. */
export async function prepareFirm(app: INestApplicationContext, config: AppConfig): Promise<DemoSummary | null> {
  const admin = await app.get(UsersService).ensureFirstAdmin(config.firstAdmin);
  if (admin) {
    new Logger('Startup').log(`Created the first admin ${admin.email} from ADMIN_EMAIL`);
  }
  return null;
}
