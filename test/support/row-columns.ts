// For the specs of hand-written statements and their row mappers: what a table holds, what a statement returns.
import type { Pool } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** The table's columns as the migrations made them, and the entity's column properties, both sorted. */
export async function columnsOf(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral>,
): Promise<{ table: string[]; properties: string[] }> {
  const metadata = dataSource.getMetadata(entity);
  const tableColumns = await dataSource.query<{ column_name: string }[]>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
    [metadata.tableName],
  );
  return {
    table: tableColumns.map((c) => c.column_name).sort(),
    properties: metadata.columns.map((c) => c.propertyName).sort(),
  };
}

/** The names of the columns a statement returns, without reading a row. */
export async function fieldsOf(
  dataSource: DataSource,
  statement: string,
  values: unknown[],
): Promise<string[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query(`SELECT * FROM (${statement}) AS s LIMIT 0`, values);
  return result.fields.map((f) => f.name);
}

/** A row with each of these fields set to a text naming it: what a mapper makes of it shows where each went. */
export function rowOf<Row>(fields: string[]): Row {
  return Object.fromEntries(fields.map((f) => [f, `<${f}>`])) as Row;
}

/** The keys of an object whose value is undefined (a field its mapper reads from a column not selected). */
export function undefinedKeys(value: object): string[] {
  return Object.entries(value)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
}
