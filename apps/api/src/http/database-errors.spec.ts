import { databaseErrorAnswer, fieldOfColumn } from './database-errors';

describe('databaseErrorAnswer', () => {
  it('names the column of a not-null violation as an API field', () => {
    expect(databaseErrorAnswer({ code: '23502', column: 'time_zone', table: 'users' })).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Check these fields: timeZone',
      fields: { timeZone: ['timeZone is required and may not be null'] },
    });
  });

  it('tells a missing reference (400) from a record still referenced (409)', () => {
    expect(
      databaseErrorAnswer({
        code: '23503',
        detail: 'Key (consultant_id)=(0f0e...) is not present in table "users".',
      }),
    ).toMatchObject({
      statusCode: 400,
      fields: { consultantId: ['consultantId does not refer to an existing record'] },
    });
    expect(
      databaseErrorAnswer({
        code: '23503',
        detail: 'Key (id)=(0f0e...) is still referenced from table "clients".',
      }),
    ).toMatchObject({ statusCode: 409, code: 'CONFLICT', fields: null });
  });

  it('answers unique and exclusion violations with 409, naming key columns without their values', () => {
    const answer = databaseErrorAnswer({
      code: '23505',
      detail: 'Key (lower(email::text))=(a@b.c) already exists.',
    });
    expect(answer).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect(JSON.stringify(answer)).not.toContain('a@b.c');
    expect(answer?.fields).toEqual({ email: ['email is already taken'] });
    expect(
      databaseErrorAnswer({ code: '23505', detail: 'Key (consultant_id, name)=(x, y) already exists.' })
        ?.fields,
    ).toEqual({
      consultantId: ['consultantId is already taken'],
      name: ['name is already taken'],
    });
    expect(databaseErrorAnswer({ code: '23P01' })).toMatchObject({ statusCode: 409 });
  });

  it('answers check violations and malformed values (22P02, 22007, 22008) with 400', () => {
    expect(databaseErrorAnswer({ code: '23514', constraint: 'chk_price' })).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
    for (const code of ['22P02', '22007', '22008', '22003', '22001']) {
      expect(databaseErrorAnswer({ code })).toMatchObject({ statusCode: 400, code: 'INVALID_VALUE' });
    }
  });

  it('leaves other errors alone', () => {
    expect(databaseErrorAnswer({ code: '40001' })).toBeNull();
    expect(databaseErrorAnswer({ code: '57014' })).toBeNull();
    expect(fieldOfColumn('permit_expires_on')).toBe('permitExpiresOn');
  });
});
