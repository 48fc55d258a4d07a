import { writeFileSync } from 'node:fs';
import { Client } from 'pg';

/**
 * Preloaded (node --require) into a product process when profiling: counts every SQL statement the process
 * sends and the time until its answer, and writes them, busiest first, to BENCH_QUERY_STATS_FILE at exit.
 * Nest's shutdown hook ends a process by raising SIGTERM again, which would skip the exit handlers (and
 * --cpu-prof's output): once Nest's own listener is gone, that second signal exits normally instead.
 */
interface Stat {
  sql: string;
  count: number;
  ms: number;
}

const file = process.env.BENCH_QUERY_STATS_FILE;
const stats = new Map<string, Stat>();

function record(sql: string, ms: number): void {
  const key = sql.replace(/\s+/g, ' ').trim().slice(0, 300);
  const stat = stats.get(key) ?? { sql: key, count: 0, ms: 0 };
  stat.count += 1;
  stat.ms += ms;
  stats.set(key, stat);
}

if (file) {
  type Query = (this: Client, ...args: unknown[]) => unknown;
  const prototype = Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  prototype.query = function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const sql = typeof first === 'string' ? first : (first?.text ?? '(unknown)');
    const started = performance.now();
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      const done = () => record(sql, performance.now() - started);
      (result as Promise<unknown>).then(done, done);
    }
    return result;
  };
  process.on('SIGTERM', () => {
    if (process.listenerCount('SIGTERM') === 1) {
      process.exit(0);
    }
  });
  process.on('exit', () => {
    const rows = [...stats.values()].sort((a, b) => b.ms - a.ms);
    writeFileSync(file, JSON.stringify(rows, null, 2));
  });
}
