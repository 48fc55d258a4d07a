import { deriveChecklist } from '../checklists';
import {
  checklistInputOf,
  checklistItemStatus,
  checklistSummary,
  fileChecklist,
  summarise,
  type LatestDocument,
} from './checklist-status';

const doc = (kind: string, status: LatestDocument['status'], extra: Partial<LatestDocument> = {}) => ({
  id: `doc-${kind}`,
  kind,
  version: 1,
  status,
  reviewReason: null,
  ...extra,
});

const pgwp = deriveChecklist(
  checklistInputOf({
    stream: 'IMP',
    applicationType: 'initial',
    exemptionCode: 'C43',
    lmiaStream: null,
    impPermitType: 'open',
    statusInCanada: 'student',
  }),
  [{ key: 'signed_retainer', stream: null, title: 'Retainer', titleFr: 'Mandat', required: true }],
);

describe('checklistItemStatus', () => {
  it.each([
    [undefined, false, 'missing'],
    [{ status: 'pending_review' as const }, false, 'uploaded'],
    [{ status: 'accepted' as const }, false, 'accepted'],
    [{ status: 'rejected' as const }, false, 'rejected'],
    [undefined, true, 'waived'],
    [{ status: 'rejected' as const }, true, 'waived'],
  ])('document %j, waived %s: %s', (latest, waived, expected) => {
    expect(checklistItemStatus(latest, waived)).toBe(expected);
  });
});

describe('fileChecklist', () => {
  it('gives each item the newest document, the waiver, the condition text and whether it is the firm’s', () => {
    const items = fileChecklist(
      pgwp,
      [doc('passport', 'rejected', { version: 3, reviewReason: 'Blurry' }), doc('other', 'accepted')],
      [{ key: 'police_certificates', reason: 'Not needed', waivedAt: new Date('2026-12-01T10:00:00Z') }],
    );
    const byKey = new Map(items.map((i) => [i.key, i]));
    expect(items.map((i) => i.key)).toEqual(pgwp.map((i) => i.key));
    expect(byKey.get('passport')).toMatchObject({
      status: 'rejected',
      documentId: 'doc-passport',
      version: 3,
      reviewReason: 'Blurry',
      custom: false,
    });
    expect(byKey.get('police_certificates')).toMatchObject({
      status: 'waived',
      waivedReason: 'Not needed',
      required: false,
      documentId: null,
    });
    expect(byKey.get('police_certificates')?.conditionText).toEqual(expect.any(String));
    expect(byKey.get('police_certificates')?.conditionTextFr).toEqual(expect.any(String));
    expect(byKey.get('signed_retainer')).toMatchObject({ custom: true, status: 'missing', sources: [] });
    expect(byKey.get('passport')?.sources[0]).toEqual({
      title: expect.any(String),
      url: expect.stringMatching(/^https?:/),
      checkedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(byKey.has('other')).toBe(false);
  });
});

describe('checklistSummary', () => {
  it('counts required items accepted or waived as complete, and uploaded and rejected items of any kind', () => {
    expect(
      checklistSummary([
        { required: true, status: 'accepted' },
        { required: true, status: 'waived' },
        { required: true, status: 'uploaded' },
        { required: true, status: 'rejected' },
        { required: true, status: 'missing' },
        { required: false, status: 'uploaded' },
        { required: false, status: 'rejected' },
        { required: false, status: 'accepted' },
      ]),
    ).toEqual({ requiredTotal: 5, requiredComplete: 2, awaitingReview: 2, rejected: 2 });
  });

  it('summarise (for lists) agrees with the summary of the full items', () => {
    const latest: LatestDocument[] = [
      doc('passport', 'accepted'),
      doc('photos', 'pending_review'),
      doc('pgwp_transcript', 'rejected'),
      doc('medical_exam', 'pending_review'),
    ];
    const waivers = [{ key: 'fee_payment_receipt', reason: 'Paid by employer', waivedAt: new Date() }];
    const full = checklistSummary(fileChecklist(pgwp, latest, waivers));
    const quick = summarise(
      pgwp,
      new Map(latest.map((d) => [d.kind, d.status])),
      new Set(waivers.map((w) => w.key)),
    );
    expect(quick).toEqual(full);
    expect(full.requiredComplete).toBe(2);
    expect(full.awaitingReview).toBe(2);
    expect(full.rejected).toBe(1);
  });
});

describe('checklistInputOf', () => {
  it('applies from inside Canada when the client holds a temporary status, or for an extension', () => {
    const file = { stream: 'IMP', exemptionCode: 'C43', lmiaStream: null, impPermitType: 'open' };
    expect(
      checklistInputOf({ ...file, applicationType: 'initial', statusInCanada: 'student' })
        .appliesFromInsideCanada,
    ).toBe(true);
    expect(
      checklistInputOf({ ...file, applicationType: 'initial', statusInCanada: 'none' })
        .appliesFromInsideCanada,
    ).toBe(false);
    expect(checklistInputOf({ ...file, applicationType: 'extension' }).appliesFromInsideCanada).toBe(true);
  });
});
