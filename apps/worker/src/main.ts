import { loadConfigOrExit } from '@app/config';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createWorkerApp(config);
  await app.listen(config.workerPort);
}

void main();
