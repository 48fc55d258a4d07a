import { SqlConditions } from './sql-conditions';

describe('SqlConditions', () => {
  it('renumbers each condition’s own $1, $2… into one parameter list, a repeated placeholder staying one value', () => {
    const where = new SqlConditions();
    where.add('c.consultant_id = $1', 'k-1');
    where.add('c.archived_at IS NULL');
    where.add('(c.name ILIKE $1 OR c.email ILIKE $1 OR c.phone ILIKE $2)', '%pri%', '%604%');
    where.add('(c.created_at, c.id) < ($1::timestamptz, $2::uuid)', '2026-11-22T17:00:00.000Z', 'id-9');
    const limit = where.param(51);

    expect(where.where()).toBe(
      '\nWHERE c.consultant_id = $1\n  AND c.archived_at IS NULL\n  AND (c.name ILIKE $2 OR c.email ILIKE $2 OR c.phone ILIKE $3)' +
        '\n  AND (c.created_at, c.id) < ($4::timestamptz, $5::uuid)',
    );
    expect(limit).toBe('$6');
    expect(where.params).toEqual(['k-1', '%pri%', '%604%', '2026-11-22T17:00:00.000Z', 'id-9', 51]);
  });

  it('writes no WHERE without conditions, and the same text for other values', () => {
    const none = new SqlConditions();
    expect(none.where()).toBe('');
    expect(none.param(10)).toBe('$1');

    const texts = ['IMP', 'TFWP'].map((stream) => {
      const where = new SqlConditions();
      where.add('f.stream = $1', stream);
      return where.where();
    });
    expect(texts[0]).toBe(texts[1]);
  });
});
