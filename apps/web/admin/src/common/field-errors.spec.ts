import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { apiFieldsOf, friendlyMessage, placeFieldErrors } from './field-errors';

/** Polyglot's interpolation, enough for these messages. */
function translatorOf(catalogue: object) {
  return (key: string, args: Record<string, unknown> = {}) => {
    const found = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue);
    if (typeof found !== 'string') {
      return typeof args._ === 'string' ? args._ : key;
    }
    return found.replace(/%\{(\w+)\}/g, (_, name: string) => String(args[name]));
  };
}

const t = translatorOf(en);

describe('API field errors in forms', () => {
  it('reads the fields of an error body', () => {
    expect(apiFieldsOf({ body: { fields: { 'imp.exemptionCode': ['x'] } } })).toEqual({
      'imp.exemptionCode': ['x'],
    });
    expect(apiFieldsOf(new Error('network'))).toEqual({});
  });

  it('puts each error on the input that shows it: exact, alias, child, parent, or with the form', () => {
    const inputs = ['imp.exemptionCode', 'tfwp.lmiaStream', 'weekly', 'email'];
    const placed = placeFieldErrors(
      {
        imp: ['An IMP file needs imp with its exemption code'],
        'imp.permitType': ['C41 leads to an open permit, not employer_specific; leave imp.permitType out'],
        tfwp: ['A TFWP file needs tfwp with its LMIA (lmiaStream and lmiaStatus)'],
        'weekly.0.end': ['end must be after start'],
        email: ['email must be an email address'],
        nothing: ['nothing is not a known field'],
      },
      inputs,
      t,
      { 'imp.permitType': 'imp.exemptionCode' },
    );
    expect(placed).toEqual({
      byInput: {
        'imp.exemptionCode':
          'Choose the exemption code: an IMP file needs one. C41 always leads to an open permit: the permit type follows the code.',
        'tfwp.lmiaStream': 'Choose the LMIA stream and status: a TFWP file needs them.',
        weekly: 'end must be after start',
        email: 'Enter an email address, e.g. name@example.com.',
      },
      unplaced: ['nothing is not a known field'],
    });
  });

  it('words a retired code in English and French, and keeps unknown messages as the API wrote them', () => {
    const retired = 'C12 was retired on 2022-12-15; use C61, C62 or C63 instead; a new file cannot use it';
    expect(friendlyMessage(retired, t)).toBe(
      'C12 was retired on 2022-12-15: a new file cannot use it. It was replaced by C61, C62, C63.',
    );
    expect(friendlyMessage(retired, translatorOf(fr))).toBe(
      'C12 a été retiré le 2022-12-15 : un nouveau dossier ne peut pas l’utiliser. Il a été remplacé par C61, C62, C63.',
    );
    expect(friendlyMessage('21232x is not a NOC 2021 unit group', t)).toBe(
      '21232x is not a NOC 2021 unit group',
    );
  });
});
