import { planDocumentDeadlineSync } from './document-expiry';

const wanted = { documentId: 'doc2', title: 'Medical exam expires', dueOn: '2027-06-01' };

describe('planDocumentDeadlineSync', () => {
  it('creates the deadline of a document that has none', () => {
    expect(planDocumentDeadlineSync(wanted, [])).toEqual({
      create: wanted,
      move: null,
      retitle: null,
      remove: [],
    });
  });

  it('moves and renames the deadline when the date or the title changes', () => {
    const plan = planDocumentDeadlineSync(wanted, [
      { id: 'd2', documentId: 'doc2', title: 'Medical', dueOn: '2027-01-01' },
    ]);
    expect(plan.move).toEqual({ id: 'd2', from: '2027-01-01', to: '2027-06-01' });
    expect(plan.retitle).toEqual({ id: 'd2', from: 'Medical', to: 'Medical exam expires' });
    expect(plan.create).toBeNull();
    expect(plan.remove).toEqual([]);
  });

  it('plans nothing when the deadline agrees', () => {
    const plan = planDocumentDeadlineSync(wanted, [{ id: 'd2', ...wanted }]);
    expect(plan).toEqual({ create: null, move: null, retitle: null, remove: [] });
  });

  it("removes older versions' deadlines when a newer version carries one", () => {
    const old = { id: 'd1', documentId: 'doc1', title: 'Medical exam expires', dueOn: '2026-01-01' };
    const plan = planDocumentDeadlineSync(wanted, [old]);
    expect(plan.create).toEqual(wanted);
    expect(plan.remove).toEqual([old]);
  });

  it('removes every deadline when no version should have one (deleted, rejected, no date)', () => {
    const a = { id: 'd1', documentId: 'doc1', title: 'x', dueOn: '2026-01-01' };
    const b = { id: 'd2', documentId: 'doc2', title: 'x', dueOn: '2027-01-01' };
    expect(planDocumentDeadlineSync(null, [a, b]).remove).toEqual([a, b]);
  });
});
