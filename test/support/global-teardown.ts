import { deleteRedisKeys, dropDatabases, runPrefix } from './test-databases';

export default async function globalTeardown(): Promise<void> {
  await dropDatabases(`${runPrefix()}%`);
  await deleteRedisKeys(`${runPrefix()}*`);
}
