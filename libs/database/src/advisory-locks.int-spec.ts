import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../../test/support/test-app';
import { databaseUrl } from '../../../test/support/test-databases';
import { lockUntilCommit, withSessionLock } from './advisory-locks';
import { databaseOptions } from './database-options';

/** 'done' once `promise` settles, or 'waiting' if it has not within `ms`. */
const settled = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(() => 'done' as const),
    new Promise<'waiting'>((r) => setTimeout(r, ms, 'waiting')),
  ]);

/** A promise and the function that resolves it: one step of a test waits for another's signal. */
function signal(): { fire: () => void; fired: Promise<void> } {
  let fire!: () => void;
  const fired = new Promise<void>((r) => (fire = r));
  return { fire, fired };
}

describe('advisory locks', () => {
  let database: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(databaseOptions(databaseUrl(database), { entities: [] }));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(database);
  });

  it('lockUntilCommit makes a second transaction on the same key wait for the first to commit, not one on another key', async () => {
    const [locked, commit] = [signal(), signal()];
    const first = dataSource.transaction(async (manager) => {
      await lockUntilCommit(manager, 'schedule:a');
      locked.fire();
      await commit.fired;
    });
    await locked.fired;

    const other = dataSource.transaction((manager) => lockUntilCommit(manager, 'schedule:b'));
    expect(await settled(other, 2000)).toBe('done');

    const second = dataSource.transaction((manager) => lockUntilCommit(manager, 'schedule:a'));
    expect(await settled(second, 300)).toBe('waiting');
    commit.fire();
    await first;
    expect(await settled(second, 2000)).toBe('done');
  });

  it('withSessionLock without waiting answers null while another session holds the key, and runs once it is free', async () => {
    const [locked, release] = [signal(), signal()];
    const holder = withSessionLock(dataSource, 'sweep', { wait: false }, async () => {
      locked.fire();
      await release.fired;
      return 'held';
    });
    await locked.fired;
    expect(
      await withSessionLock(dataSource, 'sweep', { wait: false }, () => Promise.resolve('ran')),
    ).toBeNull();
    release.fire();
    expect(await holder).toBe('held');
    expect(await withSessionLock(dataSource, 'sweep', { wait: false }, () => Promise.resolve('ran'))).toBe(
      'ran',
    );
  });

  it('withSessionLock with waiting runs the second work after the first, and releases the key when work throws', async () => {
    const order: string[] = [];
    const [locked, release] = [signal(), signal()];
    const first = withSessionLock(dataSource, 'convert:1', { wait: true }, async () => {
      locked.fire();
      await release.fired;
      order.push('first');
      throw new Error('the first work failed');
    });
    await locked.fired;
    const second = withSessionLock(dataSource, 'convert:1', { wait: true }, () => {
      order.push('second');
      return Promise.resolve();
    });
    expect(await settled(second, 300)).toBe('waiting');
    release.fire();
    await expect(first).rejects.toThrow('the first work failed');
    await second;
    expect(order).toEqual(['first', 'second']);
  });
});
