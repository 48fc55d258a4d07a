import { checklistItemsOf, checklistSummariesOf, type ChecklistFileFacts } from './checklist-rows';
import { summarise } from './checklists/rules/checklist-status';

const file = (id: string, facts: Partial<ChecklistFileFacts> = {}): ChecklistFileFacts => ({
  id,
  stream: 'IMP',
  applicationType: 'initial',
  exemptionCode: 'C43',
  lmiaStream: null,
  impPermitType: null,
  client: { statusInCanada: 'none' },
  ...facts,
});

describe('checklistSummariesOf', () => {
  const firm = [
    { key: 'firm_reference', stream: null, title: 'Reference', titleFr: 'Référence', required: true },
    { key: 'firm_tfwp_only', stream: 'TFWP' as const, title: 'TFWP', titleFr: 'TFWP', required: true },
  ];
  // Files that share a shape (a, b), differ only by the client's status (c: inside Canada), by stream or code.
  const files = [
    file('a'),
    file('b'),
    file('c', { client: { statusInCanada: 'worker' } }),
    file('d', { exemptionCode: 'C10' }),
    file('e', { stream: 'TFWP', exemptionCode: null, lmiaStream: 'high_wage' }),
    file('f', { applicationType: 'extension' }),
  ];

  it("counts each file's own checklist, whichever files of the page share its shape", () => {
    const summaries = checklistSummariesOf(files, firm, [
      { file_id: 'a', key: 'passport', status: 'accepted' },
      { file_id: 'b', key: 'passport', status: 'pending_review' },
      { file_id: 'b', key: 'firm_reference', status: null },
      { file_id: 'e', key: 'lmia_copy', status: 'rejected' },
    ]);

    const statusesOf: Record<string, Map<string, 'pending_review' | 'accepted' | 'rejected'>> = {
      a: new Map([['passport', 'accepted']]),
      b: new Map([['passport', 'pending_review']]),
      e: new Map([['lmia_copy', 'rejected']]),
    };
    for (const f of files) {
      const expected = summarise(
        checklistItemsOf(f, firm),
        statusesOf[f.id] ?? new Map(),
        new Set(f.id === 'b' ? ['firm_reference'] : []),
      );
      expect([f.id, summaries.get(f.id)]).toEqual([f.id, expected]);
    }
    // The shapes differ where the facts do: not one count for the whole page.
    expect(summaries.get('a')).not.toEqual(summaries.get('b'));
    expect(summaries.get('a')?.requiredTotal).not.toBe(summaries.get('e')?.requiredTotal);
  });
});
