import { ReferenceDataService } from './reference-data.service';
import { DEADLINE_PERIOD_IDS } from './reference-data.types';

describe('deadline periods (deadline-periods.json)', () => {
  const data = new ReferenceDataService();

  it('has one period per id the product uses, each with its source, check date and review-by date', () => {
    const periods = data.deadlinePeriods();
    expect(periods.map((p) => p.id).sort()).toEqual([...DEADLINE_PERIOD_IDS].sort());
    for (const period of periods) {
      expect(period.sourceNote.length).toBeGreaterThan(20);
      expect(period.checkedOn <= period.reviewBy).toBe(true);
    }
  });

  it('agrees with the periods recorded in deadlines.json', () => {
    const fact = (id: string) => data.deadlineFacts().find((f) => f.id === id)?.defaultPeriod.value;
    expect(data.deadlinePeriod('biometrics_letter').days).toBe(fact('biometrics'));
    expect(data.deadlinePeriod('medical_letter').days).toBe(fact('medical_exam'));
    expect(data.deadlinePeriod('pfl_letter').days).toBe(fact('procedural_fairness_letter'));
    expect(data.deadlinePeriod('document_request_letter').days).toBe(fact('additional_documents_request'));
    expect(data.deadlinePeriod('restoration').days).toBe(fact('restoration_of_status'));
    expect(data.deadlinePeriod('pgwp_application').days).toBe(fact('pgwp_application_window'));
  });

  it('gives the values the rules rely on', () => {
    expect(data.deadlinePeriod('biometrics_letter')).toMatchObject({ days: 30, deadlineKind: 'biometrics' });
    expect(data.deadlinePeriod('medical_letter')).toMatchObject({ days: 30, deadlineKind: 'medical' });
    expect(data.deadlinePeriod('pfl_letter')).toMatchObject({ days: null, deadlineKind: 'pfl_response' });
    expect(data.deadlinePeriod('restoration')).toMatchObject({ days: 90, deadlineKind: 'status_expiry' });
    expect(data.deadlinePeriod('pgwp_application')).toMatchObject({ days: 180, deadlineKind: null });
  });
});
