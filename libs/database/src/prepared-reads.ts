import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

const names = new Map<string, string>();

/** The statement name of a SQL text: derived from the text, so one name never stands for two statements. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `pd_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A read run as a named statement on the data source's pool, outside any transaction: each pooled connection
 * parses it once, and after a few runs PostgreSQL may keep one generic plan for it. So only for hot reads
 * whose text is constant (values only in parameters) and whose best plan does not depend on the values, such
 * as key lookups. It goes around TypeORM's query runner (no TypeORM query logging); rows come as pg returns
 * them.
 */
export async function preparedRead<Row>(dataSource: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query({ name: statementName(text), text, values });
  return result.rows as Row[];
}
