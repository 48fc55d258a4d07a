import { PreferredLanguage, StatusInCanada } from '../entities/client.entity';
import { normalizeClientFields } from './client-fields';

const today = '2026-11-22';

describe('normalizeClientFields', () => {
  it('stores every value in its normal form', () => {
    const { values, errors } = normalizeClientFields(
      {
        firstName: '  Priya ',
        lastName: 'Sharma',
        email: ' Priya@Example.com ',
        phone: '604-555-0123',
        dateOfBirth: '1994-05-17',
        citizenship: 'in',
        countryOfResidence: 'ca',
        statusInCanada: StatusInCanada.Student,
        statusExpiresOn: '2027-01-31',
        passportNumber: 'z1234567',
        passportExpiresOn: '2030-02-01',
        uci: '12-3456-7890',
        preferredLanguage: PreferredLanguage.Fr,
      },
      { creating: true, today },
    );
    expect(errors).toEqual({});
    expect(values).toEqual({
      firstName: 'Priya',
      lastName: 'Sharma',
      email: 'Priya@Example.com',
      phone: '+16045550123',
      dateOfBirth: '1994-05-17',
      citizenship: 'IN',
      countryOfResidence: 'CA',
      statusInCanada: 'student',
      statusExpiresOn: '2027-01-31',
      passportNumber: 'Z1234567',
      passportExpiresOn: '2030-02-01',
      uci: '1234567890',
      preferredLanguage: 'fr',
    });
  });

  it('names every bad field', () => {
    const { errors } = normalizeClientFields(
      {
        firstName: ' ',
        lastName: 'x'.repeat(101),
        email: 'nope',
        phone: '123',
        dateOfBirth: '2026-11-23',
        citizenship: 'XX',
        countryOfResidence: 'Canada',
        statusInCanada: 'tourist' as StatusInCanada,
        statusExpiresOn: '2027-02-30',
        passportNumber: 'AB-12',
        passportExpiresOn: '0000-01-01',
        uci: '1234567',
        preferredLanguage: 'de' as PreferredLanguage,
        consultantId: 'not-a-uuid',
      },
      { creating: true, today },
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        'firstName',
        'lastName',
        'email',
        'phone',
        'dateOfBirth',
        'citizenship',
        'countryOfResidence',
        'statusInCanada',
        'statusExpiresOn',
        'passportNumber',
        'passportExpiresOn',
        'uci',
        'preferredLanguage',
        'consultantId',
      ].sort(),
    );
  });

  it('requires names when creating, and only checks the fields given on an update', () => {
    expect(Object.keys(normalizeClientFields({}, { creating: true, today }).errors).sort()).toEqual([
      'firstName',
      'lastName',
    ]);
    expect(normalizeClientFields({ phone: '+442079460958' }, { creating: false, today })).toEqual({
      values: { phone: '+442079460958' },
      errors: {},
    });
  });

  it('keeps null as "clear the field"', () => {
    const { values, errors } = normalizeClientFields(
      {
        email: null,
        phone: null,
        dateOfBirth: null,
        citizenship: null,
        passportNumber: null,
        uci: null,
        consultantId: null,
      },
      { creating: false, today },
    );
    expect(errors).toEqual({});
    expect(values).toEqual({
      email: null,
      phone: null,
      dateOfBirth: null,
      citizenship: null,
      passportNumber: null,
      uci: null,
      consultantId: null,
    });
  });
});
