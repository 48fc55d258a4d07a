import { loadConfigOrExit } from '@app/config';
import { createApiApp } from './bootstrap';
import { prepareFirm } from './startup';

/** The API as its own process (production). Run `npm run cli -- migrate` before starting a new version. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await prepareFirm(app, config);
  await app.listen(config.port);
}

void main();
