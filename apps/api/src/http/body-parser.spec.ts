import { isAnonymousRoute, jsonDepthExceeds } from './body-parser';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonDepthExceeds', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepthExceeds(bytes('{"a":[1,{"b":2}]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[1,{"b":2}]}'), 2)).toBe(true);
    expect(jsonDepthExceeds(bytes(`{"a":"${'['.repeat(100)}"}`), 2)).toBe(false);
    expect(jsonDepthExceeds(bytes(`{"a":"\\"${'{'.repeat(100)}"}`), 2)).toBe(false);
    expect(jsonDepthExceeds(bytes(`{"a":"\\\\"${',{'.repeat(5)}}`), 3)).toBe(true);
  });

  it('finds 5,000 levels in one linear pass', () => {
    const deep = bytes(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(jsonDepthExceeds(deep, 32)).toBe(true);
    expect(jsonDepthExceeds(bytes('🍁'.repeat(1000)), 0)).toBe(false);
  });
});

describe('isAnonymousRoute', () => {
  it('covers the public routes and the login form only', () => {
    expect(isAnonymousRoute('/api/public/bookings')).toBe(true);
    expect(isAnonymousRoute('/api/auth/login')).toBe(true);
    expect(isAnonymousRoute('/api/auth/me')).toBe(false);
    expect(isAnonymousRoute('/api/publications')).toBe(false);
    expect(isAnonymousRoute('/api/clients')).toBe(false);
  });
});
