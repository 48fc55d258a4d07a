import type { StaffScope } from './staff-scope';

/**
 * The AND-ed conditions of a hand-written WHERE clause and their parameters. Each condition is written with its
 * own $1, $2… and renumbered into the one parameter list, so a query's text depends only on which conditions
 * it has, never on the values.
 */
export class SqlConditions {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  add(condition: string, ...values: unknown[]): void {
    const offset = this.params.length;
    this.conditions.push(
      offset === 0 ? condition : condition.replace(/\$(\d+)/g, (_, n: string) => `$${offset + Number(n)}`),
    );
    this.params.push(...values);
  }

  /** Limits the rows to the scope: `column` is the SQL column of the record's consultant (`c.consultant_id`). */
  addScope(column: string, scope: StaffScope): void {
    if (scope.consultantId !== undefined) {
      this.add(`${column} = $1`, scope.consultantId);
    }
  }

  /** A parameter used outside the conditions (LIMIT), as its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** `WHERE a AND b` on its own line, or nothing without conditions. */
  where(): string {
    return this.conditions.length === 0 ? '' : `\nWHERE ${this.conditions.join('\n  AND ')}`;
  }
}
