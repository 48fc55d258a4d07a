import { documentExpiryOn, passportExpirySuggestion } from './document-expiry';

const languageTest = { rule: 'months_after', months: 24, basis: 'ircc_rule' } as const;
const medical = { rule: 'months_after', months: 12, basis: 'ircc_rule' } as const;
const police = { rule: 'months_after', months: 6, basis: 'firm_default' } as const;
const passport = { rule: 'document_expiry', months: null, basis: 'document' } as const;

describe('documentExpiryOn', () => {
  it('takes the expiry written on the document first', () => {
    expect(documentExpiryOn({ expiresOn: '2030-01-31', issuedOn: '2025-01-01' }, medical, undefined)).toBe(
      '2030-01-31',
    );
    expect(documentExpiryOn({ expiresOn: '2031-05-01', issuedOn: null }, passport, undefined)).toBe(
      '2031-05-01',
    );
  });

  it('counts 24 months from the test for a language test and 12 from the exam for a medical', () => {
    expect(documentExpiryOn({ expiresOn: null, issuedOn: '2026-03-15' }, languageTest, undefined)).toBe(
      '2028-03-15',
    );
    expect(documentExpiryOn({ expiresOn: null, issuedOn: '2026-08-31' }, medical, undefined)).toBe(
      '2027-08-31',
    );
  });

  it("uses the firm's months for a police certificate, else the catalogue's", () => {
    const issued = { expiresOn: null, issuedOn: '2026-08-31' };
    expect(documentExpiryOn(issued, police, undefined)).toBe('2027-02-28');
    expect(documentExpiryOn(issued, police, 12)).toBe('2027-08-31');
  });

  it('ignores a firm setting for a period IRCC sets', () => {
    expect(documentExpiryOn({ expiresOn: null, issuedOn: '2026-01-10' }, medical, 3)).toBe('2027-01-10');
  });

  it('has none without a date, or without a rule', () => {
    expect(documentExpiryOn({ expiresOn: null, issuedOn: null }, medical, undefined)).toBeNull();
    expect(documentExpiryOn({ expiresOn: null, issuedOn: '2026-01-10' }, null, undefined)).toBeNull();
    expect(documentExpiryOn({ expiresOn: null, issuedOn: '2026-01-10' }, passport, undefined)).toBeNull();
  });
});

describe('passportExpirySuggestion', () => {
  it('proposes the passport expiry when it differs from the client', () => {
    expect(passportExpirySuggestion('passport', '2034-02-01', '2029-02-01')).toEqual({
      current: '2029-02-01',
      proposed: '2034-02-01',
    });
    expect(passportExpirySuggestion('passport', '2034-02-01', null)).toEqual({
      current: null,
      proposed: '2034-02-01',
    });
  });

  it('proposes nothing when they agree, without an expiry, or for another kind', () => {
    expect(passportExpirySuggestion('passport', '2034-02-01', '2034-02-01')).toBeUndefined();
    expect(passportExpirySuggestion('passport', null, '2034-02-01')).toBeUndefined();
    expect(passportExpirySuggestion('medical_exam', '2034-02-01', null)).toBeUndefined();
  });
});
