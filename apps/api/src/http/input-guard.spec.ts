import { findUnsafeInput, isWellFormedUnicode, MAX_INPUT_DEPTH } from './input-guard';

describe('input guard', () => {
  it('tells well-formed Unicode from lone surrogates', () => {
    expect(isWellFormedUnicode('Amélie 🍁 مرحبا')).toBe(true);
    expect(isWellFormedUnicode('\ud83d@x.com')).toBe(false);
    expect(isWellFormedUnicode('x\udc00')).toBe(false);
    expect(isWellFormedUnicode('\ud83d\ud83d')).toBe(false);
    expect(isWellFormedUnicode('')).toBe(true);
  });

  it('names every string field that is not well-formed, at any depth', () => {
    expect(
      findUnsafeInput({ email: '\ud83d@x.com', employer: { name: 'ok', tags: ['a', '\udfff'] } }, ''),
    ).toEqual({
      email: ['email is not well-formed Unicode text'],
      'employer.tags.1': ['employer.tags.1 is not well-formed Unicode text'],
    });
    expect(findUnsafeInput('\ud800', 'id')).toEqual({ id: ['id is not well-formed Unicode text'] });
    expect(findUnsafeInput({ name: 'Priya', n: 1, b: true, z: null }, '')).toBeNull();
  });

  it('refuses prototype keys, naming them', () => {
    const body = JSON.parse(
      '{"name":"x","__proto__":{"isAdmin":true},"a":{"constructor":{"prototype":{"p":1}}}}',
    );
    const fields = findUnsafeInput(body, '')!;
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.entries(fields)).toEqual([
      ['__proto__', ['__proto__ is not an allowed key']],
      ['a.constructor', ['constructor is not an allowed key']],
    ]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses keys that are not well-formed Unicode', () => {
    expect(findUnsafeInput({ a: { '\ud800': 1 } }, '')).toEqual({
      a: ['a has a key that is not well-formed Unicode text'],
    });
  });

  it('stops at the depth limit without recursing', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) {
      deep = [deep];
    }
    const fields = findUnsafeInput(deep, '');
    expect(Object.values(fields ?? {}).flat()[0]).toMatch(`deeper than ${MAX_INPUT_DEPTH}`);
  });
});
