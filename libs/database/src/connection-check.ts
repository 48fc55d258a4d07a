import { Client } from 'pg';

/** Explains, in one line a person can act on, why PostgreSQL cannot be reached. */
export async function explainDatabaseProblem(url: string): Promise<string | null> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    const safe = new URL(url);
    safe.password = safe.password ? '****' : '';
    return (
      `Cannot reach PostgreSQL at ${safe.host} (${error instanceof Error ? error.message : String(error)}). ` +
      'Start it (for example `docker compose up -d postgres`) or set DATABASE_URL.'
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
