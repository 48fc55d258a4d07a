import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

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
 * A statement run by name on the data source's pool, outside any transaction (a write commits on its own): each
 * pooled connection parses and plans it once, and after a few runs PostgreSQL may keep one generic plan for it.
 * Only for hot statements whose text is constant (values only in parameters) and whose best plan does not depend
 * on the values: key lookups, and the writes made for every reminder email. It goes around TypeORM's query
 * runner (no TypeORM query logging; errors are pg's own); rows come as pg returns them.
 */
export async function preparedQuery<Row>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query({ name: statementName(text), text, values });
  return result.rows as Row[];
}

/**
 * preparedQuery outside a transaction; inside the manager's transaction, the same text as an unnamed statement on
 * the transaction's connection (a named one would go to another connection of the pool).
 */
export function preparedQueryIn<Row>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  return manager.queryRunner?.isTransactionActive
    ? manager.query<Row[]>(text, values)
    : preparedQuery<Row>(manager.connection, text, values);
}
