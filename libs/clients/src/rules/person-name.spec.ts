import { splitFullName } from './person-name';

describe('splitFullName', () => {
  it('takes the last word as the last name', () => {
    expect(splitFullName('Priya Sharma')).toEqual({ firstName: 'Priya', lastName: 'Sharma' });
    expect(splitFullName('  Jean  Paul   Tremblay ')).toEqual({
      firstName: 'Jean Paul',
      lastName: 'Tremblay',
    });
  });

  it('keeps a single name as the first name', () => {
    expect(splitFullName('Madonna')).toEqual({ firstName: 'Madonna', lastName: '' });
    expect(splitFullName('  ')).toEqual({ firstName: '', lastName: '' });
  });
});
