import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AppConfig } from '@app/config';
import { DemoDataService, DemoPortalClientService, type DemoSummary } from '@app/demo-data';

/**
 * What a start does before serving: the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the firm has
 * none, then the demo firm into an empty database unless DEMO_DATA=false.
 */
export async function prepareFirm(
  app: INestApplicationContext,
  config: AppConfig,
): Promise<DemoSummary | null> {
  const admin = await app.get(UsersService).ensureFirstAdmin(config.firstAdmin);
  if (admin) {
    new Logger('Startup').log(`Created the first admin ${admin.email} from ADMIN_EMAIL`);
  }
  return config.demoData ? app.get(DemoDataService).loadIfEmpty() : null;
}

/**
 * In demo mode (DEMO_DATA, never in production), a fresh one-time portal sign-in link for the demo client, for the
 * start-up banner; null otherwise or when the database holds no demo client.
 */
export async function demoPortalLink(
  app: INestApplicationContext,
  config: AppConfig,
): Promise<{ clientName: string; url: string } | null> {
  if (!config.demoData || config.isProduction) {
    return null;
  }
  return app.get(DemoPortalClientService).signInLink();
}
