import {
  clientDeadlineTitle,
  dayInWords,
  fileSituation,
  portalLanguage,
  type FileDates,
} from './client-view';

const NO_DATES: FileDates = {
  submittedOn: null,
  biometricsDueOn: null,
  medicalDueOn: null,
  pflResponseDueOn: null,
  decisionOn: null,
  permitExpiresOn: null,
};

describe('what a client is told about their file', () => {
  it('writes days as people read them, in English and French', () => {
    expect(dayInWords('2027-03-03', 'en')).toBe('3 March 2027');
    expect(dayInWords('2027-03-03', 'fr')).toBe('3 mars 2027');
    expect(dayInWords('2027-08-01', 'fr')).toBe('1er août 2027');
    expect(dayInWords('2027-12-31', 'en')).toBe('31 December 2027');
  });

  it('says where the file stands, the next step and who it waits on', () => {
    expect(fileSituation('preparing', NO_DATES, 'en')).toEqual({
      status: 'We are preparing your application',
      nextStep: 'We finish your application and submit it to IRCC',
      waitingOn: 'firm',
    });
    expect(fileSituation('submitted', { ...NO_DATES, submittedOn: '2027-03-03' }, 'en')).toMatchObject({
      status: 'Submitted to IRCC on 3 March 2027',
      waitingOn: 'ircc',
    });
    expect(
      fileSituation('biometrics_requested', { ...NO_DATES, biometricsDueOn: '2027-04-14' }, 'fr'),
    ).toMatchObject({
      status: 'IRCC demande vos données biométriques : à donner au plus tard le 14 avril 2027',
      waitingOn: 'client',
    });
    expect(fileSituation('closed', NO_DATES, 'fr')).toEqual({
      status: 'Votre dossier est fermé',
      nextStep: null,
      waitingOn: null,
    });
  });

  it('leaves out a date the file does not have', () => {
    expect(fileSituation('submitted', NO_DATES, 'en').status).toBe('Submitted to IRCC');
    expect(fileSituation('approved', NO_DATES, 'fr').status).toBe('IRCC a approuvé votre demande');
  });

  it('names deadlines by kind, in the client’s language', () => {
    expect(clientDeadlineTitle('medical', 'en')).toBe('Take your immigration medical exam');
    expect(clientDeadlineTitle('permit_expiry', 'fr')).toBe('Votre permis de travail expire');
  });

  it('takes ?lang= over the preferred language', () => {
    expect(portalLanguage(undefined, 'fr')).toBe('fr');
    expect(portalLanguage('en', 'fr')).toBe('en');
    expect(portalLanguage(undefined, 'en')).toBe('en');
  });
});
