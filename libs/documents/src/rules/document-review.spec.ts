import { checkDocumentReview, type ReviewedDocument } from './document-review';

const current: ReviewedDocument = {
  status: 'pending_review',
  reviewReason: null,
  title: 'Passport',
  issuedOn: '2022-01-10',
  expiresOn: '2032-01-09',
};

describe('checkDocumentReview', () => {
  it('accepts with or without a note; the note is trimmed, an empty one is none', () => {
    expect(checkDocumentReview(current, { status: 'accepted' })).toEqual({
      ok: true,
      patch: { status: 'accepted', reviewReason: null },
    });
    expect(checkDocumentReview(current, { status: 'accepted', reason: '  fine  ' })).toEqual({
      ok: true,
      patch: { status: 'accepted', reviewReason: 'fine' },
    });
  });

  it('refuses a rejection without a reason, naming reason', () => {
    for (const reason of [undefined, null, '', '   ']) {
      const result = checkDocumentReview(current, { status: 'rejected', reason });
      expect(result.ok).toBe(false);
      expect(!result.ok && Object.keys(result.errors)).toEqual(['reason']);
    }
    expect(checkDocumentReview(current, { status: 'rejected', reason: 'Expired' })).toEqual({
      ok: true,
      patch: { status: 'rejected', reviewReason: 'Expired' },
    });
  });

  it('refuses a reason without a status and one over 500 characters', () => {
    const alone = checkDocumentReview(current, { reason: 'why' });
    expect(!alone.ok && Object.keys(alone.errors)).toEqual(['reason']);
    const long = checkDocumentReview(current, { status: 'rejected', reason: 'x'.repeat(501) });
    expect(!long.ok && Object.keys(long.errors)).toEqual(['reason']);
  });

  it('corrects dates and title, null clearing a date; refuses bad dates naming the field', () => {
    expect(checkDocumentReview(current, { expiresOn: null, title: ' Passport p.2 ' })).toEqual({
      ok: true,
      patch: { expiresOn: null, title: 'Passport p.2' },
    });
    const bad = checkDocumentReview(current, { issuedOn: '2026-02-30', expiresOn: 'soon' });
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(['expiresOn', 'issuedOn']);
    const empty = checkDocumentReview(current, { title: '  ' });
    expect(!empty.ok && Object.keys(empty.errors)).toEqual(['title']);
  });

  it('refuses an expiry before the issue date, given now or already on the document', () => {
    const early = checkDocumentReview(current, { expiresOn: '2021-12-31' });
    expect(!early.ok && Object.keys(early.errors)).toEqual(['expiresOn']);
    const late = checkDocumentReview(current, { issuedOn: '2033-01-01' });
    expect(!late.ok && Object.keys(late.errors)).toEqual(['issuedOn']);
  });
});
