import { governmentFeesOn } from '../../rules/government-fees';
import { feeTerms, type FeeTermsSource } from './fee-terms';

const on = '2026-12-05';
const fees = (...keys: string[]) => keys.flatMap((key) => governmentFeesOn(on).filter((f) => f.key === key));
/** Intl writes French amounts with no-break spaces; tests read them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const source = (overrides: Partial<FeeTermsSource> = {}): FeeTermsSource => ({
  name: 'Employer-specific work permit (IMP)',
  nameFr: 'Permis de travail lié à un employeur (PMI)',
  professionalFeeCents: 250_000,
  milestones: [
    { label: 'On signing the agreement', labelFr: 'À la signature de la convention', amountCents: 125_000 },
    { label: 'On submission', labelFr: 'Au dépôt de la demande', amountCents: 125_000 },
  ],
  governmentFees: fees('work_permit', 'employer_compliance'),
  on,
  ...overrides,
});

describe('feeTerms', () => {
  it('writes the fee with its tax note, the government fees as untaxed disbursements and the milestones', () => {
    const terms = feeTerms(source(), 'en');
    expect(terms.professionalFees).toContain(
      '$2,500.00 (CAD) for the service “Employer-specific work permit (IMP)”',
    );
    expect(terms.professionalFees).toContain('GST/HST');
    expect(terms.irccFees).toContain('not taxed');
    expect(terms.irccFees).toContain('- Work permit processing fee (IRCC): $155.00 per person');
    expect(terms.irccFees).toContain('- Employer compliance fee (IRCC): $230.00 per job offer');
    expect(terms.irccFees).toContain('in force on 2026-12-05');
    expect(terms.paymentSchedule.split('\n').slice(0, 2)).toEqual([
      '- On signing the agreement: $1,250.00',
      '- On submission: $1,250.00',
    ]);
  });

  it('writes French as French', () => {
    const terms = feeTerms(source(), 'fr');
    expect(plain(terms.professionalFees)).toContain(
      '2 500,00 $ (CAD) pour le service « Permis de travail lié à un employeur (PMI) »',
    );
    expect(plain(terms.irccFees)).toContain(
      '- Frais de traitement du permis de travail (IRCC) : 155,00 $ par personne',
    );
    expect(plain(terms.paymentSchedule)).toContain('- À la signature de la convention : 1 250,00 $');
    expect(terms.paymentSchedule).toContain('avant taxes');
  });

  it('says when no government fee or no professional fee applies', () => {
    const terms = feeTerms(source({ governmentFees: [], professionalFeeCents: 0, milestones: [] }), 'en');
    expect(terms.irccFees).toContain('No government fee is expected');
    expect(terms.paymentSchedule).toBe('No professional fee is charged for this service.');
  });
});
