import { StaffRole } from '@app/auth';
import { LmiaStatus, WorkPermitStream, type WorkPermitFileEntity } from '@app/work-permits';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

interface Item {
  id: string;
  fileNumber: string;
  stream: string;
  status: string;
  province: string | null;
  nocCode: string | null;
  createdAt: string;
  client: { id: string; firstName: string; lastName: string };
  consultant: { id: string; name: string } | null;
  imp: { exemptionCode: string } | null;
  tfwp: { lmiaStream: string } | null;
}

interface PageBody {
  items: Item[];
  nextCursor: string | null;
}

describe('work-permit files: who sees what, lists and search', () => {
  let t: TestApp;
  let admin: SignedInClient;
  let assistant: SignedInClient;
  let consultant: SignedInClient;
  let otherConsultant: SignedInClient;
  let own: WorkPermitFileEntity;
  let others: WorkPermitFileEntity;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signedInAs(StaffRole.Admin);
    assistant = await t.signedInAs(StaffRole.Assistant);
    consultant = await t.signedInAs(StaffRole.Consultant);
    otherConsultant = await t.signedInAs(StaffRole.Consultant);
    own = await t.given.file({ consultantId: consultant.user.id });
    others = await t.given.file({ consultantId: otherConsultant.user.id });
  });
  afterAll(() => t.close());

  async function list(who: SignedInClient, query: Record<string, string | number>): Promise<PageBody> {
    const res = await who
      .get('/api/files')
      .query({ limit: 200, ...query })
      .expect(200);
    return res.body as PageBody;
  }

  describe('role and assignment', () => {
    type Access = [string, () => SignedInClient, () => WorkPermitFileEntity, number];
    const matrix: Access[] = [
      ['admin, a file of any consultant', () => admin, () => others, 200],
      ['assistant, a file of any consultant', () => assistant, () => others, 200],
      ['consultant, their own file', () => consultant, () => own, 200],
      ["consultant, another consultant's file", () => consultant, () => others, 404],
    ];

    it.each(matrix.map(([name, who, file, status]) => ({ name, who, file, status })))(
      '$name: $status',
      async ({ who, file, status }) => {
        const id = file().id;
        const get = await who().get(`/api/files/${id}`).expect(status);
        const patch = await who()
          .patch(`/api/files/${id}`)
          .send({ jobTitle: `Title ${Date.now()}` })
          .expect(status);
        const timeline = await who().get(`/api/files/${id}/timeline`).expect(status);
        // An illegal move answers 409 to those who may see the file, 404 to those who may not.
        const move = await who()
          .post(`/api/files/${id}/transitions`)
          .send({ to: 'closed' })
          .expect(status === 200 ? 409 : 404);
        if (status === 404) {
          for (const res of [get, patch, timeline, move]) {
            expect(res.body).toMatchObject({ statusCode: 404, code: 'WORK_PERMIT_FILE_NOT_FOUND' });
          }
        }
      },
    );

    it("does not let a consultant move another consultant's file, even legally", async () => {
      const file = await t.given.file({ consultantId: otherConsultant.user.id });
      await t.given.agreementOverride(file.id);
      await consultant.post(`/api/files/${file.id}/transitions`).send({ to: 'preparing' }).expect(404);
      const res = await admin.get(`/api/files/${file.id}`).expect(200);
      expect(res.body.status).toBe('intake');
      await otherConsultant.post(`/api/files/${file.id}/transitions`).send({ to: 'preparing' }).expect(200);
      await assistant.post(`/api/files/${file.id}/transitions`).send({ to: 'submitted' }).expect(200);
    });

    it('lists to a consultant only their files', async () => {
      const mine = await list(consultant, {});
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((f) => f.consultant?.id === consultant.user.id)).toBe(true);
      expect(mine.items.map((f) => f.id)).toContain(own.id);
      const theirs = await list(consultant, { consultantId: otherConsultant.user.id });
      expect(theirs.items).toEqual([]);
      const all = await list(assistant, {});
      expect(all.items.map((f) => f.id)).toEqual(expect.arrayContaining([own.id, others.id]));
    });

    it('answers 404 to a consultant opening a file for a client they cannot see, and writes nothing', async () => {
      const client = await t.given.client({ consultantId: otherConsultant.user.id });
      const res = await consultant
        .post('/api/files')
        .send({
          clientId: client.id,
          stream: 'IMP',
          applicationType: 'initial',
          imp: { exemptionCode: 'C43' },
        })
        .expect(404);
      expect(res.body.code).toBe('CLIENT_NOT_FOUND');
      expect((await list(admin, { clientId: client.id })).items).toEqual([]);
    });

    it('lets a consultant assign a file to themselves only', async () => {
      const client = await t.given.client({ consultantId: consultant.user.id });
      const res = await consultant
        .post('/api/files')
        .send({
          clientId: client.id,
          consultantId: otherConsultant.user.id,
          stream: 'IMP',
          applicationType: 'initial',
          imp: { exemptionCode: 'C43' },
        })
        .expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['consultantId']);
      const file = await t.given.file({ clientId: client.id, consultantId: consultant.user.id });
      await consultant
        .patch(`/api/files/${file.id}`)
        .send({ consultantId: otherConsultant.user.id })
        .expect(400);
      await admin.patch(`/api/files/${file.id}`).send({ consultantId: otherConsultant.user.id }).expect(200);
      await consultant.get(`/api/files/${file.id}`).expect(404);
    });

    it('refuses requests without a token', async () => {
      await t.http().get('/api/files').expect(401);
      await t.http().get(`/api/files/${own.id}`).expect(401);
      await t.http().post('/api/files').send({}).expect(401);
    });
  });

  describe('filters and search', () => {
    let tfwp: WorkPermitFileEntity;
    let c10: WorkPermitFileEntity;
    let named: WorkPermitFileEntity;

    beforeAll(async () => {
      tfwp = await t.given.file({
        stream: WorkPermitStream.Tfwp,
        employer: { name: 'Okanagan Orchards Ltd.' },
        nocCode: '85100',
        province: 'BC',
        tfwp: { lmiaStream: 'seasonal_agricultural', lmiaStatus: LmiaStatus.Positive },
      });
      c10 = await t.given.file({
        employer: { name: 'Maple Software Inc.' },
        jobTitle: 'Quantum compiler engineer',
        nocCode: '21232',
        province: 'NS',
        imp: { exemptionCode: 'C10', offerOfEmploymentNumber: 'A1234567' },
      });
      const client = await t.given.client({ firstName: 'Xiomara', lastName: 'Okonkwo-Lindqvist' });
      named = await t.given.file({ clientId: client.id });
      await t.given.agreementOverride(named.id);
      await admin.post(`/api/files/${named.id}/transitions`).send({ to: 'preparing' }).expect(200);
    });

    it.each([
      ['stream', 'TFWP', () => tfwp, (f: Item) => f.stream === 'TFWP'],
      [
        'lmiaStream',
        'seasonal_agricultural',
        () => tfwp,
        (f: Item) => f.tfwp?.lmiaStream === 'seasonal_agricultural',
      ],
      ['exemptionCode', 'c10', () => c10, (f: Item) => f.imp?.exemptionCode === 'C10'],
      ['nocCode', '21232', () => c10, (f: Item) => f.nocCode === '21232'],
      ['province', 'NS', () => c10, (f: Item) => f.province === 'NS'],
      ['status', 'preparing', () => named, (f: Item) => f.status === 'preparing'],
    ] as const)('filters on %s', async (name, value, expected, matches) => {
      const page = await list(admin, { [name]: value });
      expect(page.items.map((f) => f.id)).toContain(expected().id);
      expect(page.items.every(matches)).toBe(true);
      const all = await list(admin, {});
      expect(page.items.length).toBeLessThan(all.items.length);
    });

    it('filters on client and consultant', async () => {
      expect((await list(admin, { clientId: named.clientId })).items.map((f) => f.id)).toEqual([named.id]);
      const byConsultant = await list(admin, { consultantId: consultant.user.id });
      expect(byConsultant.items.map((f) => f.id)).toContain(own.id);
      expect(byConsultant.items.every((f) => f.consultant?.id === consultant.user.id)).toBe(true);
    });

    it.each([
      ['the file number', () => named.fileNumber, () => named],
      ['part of the employer name', () => 'okanagan orch', () => tfwp],
      ['part of the job title', () => 'QUANTUM COMPILER', () => c10],
      ["the client's first name", () => 'xiomara', () => named],
      ["the client's last name", () => 'Okonkwo-Lindq', () => named],
      ["the client's full name", () => 'Xiomara Okonkwo', () => named],
    ])('finds a file by %s', async (_what, q, expected) => {
      const page = await list(admin, { q: q() });
      expect(page.items.map((f) => f.id)).toEqual([expected().id]);
    });

    it('takes wildcard characters literally and finds nothing for an unknown term', async () => {
      expect((await list(admin, { q: '%' })).items).toEqual([]);
      expect((await list(admin, { q: 'no such thing anywhere' })).items).toEqual([]);
    });

    it('refuses bad filter values with 400 naming them', async () => {
      for (const [name, value] of [
        ['stream', 'LMIA'],
        ['status', 'done'],
        ['province', 'XX'],
        ['nocCode', '2174'],
        ['lmiaStream', 'fast'],
        ['exemptionCode', 'C1234'],
        ['consultantId', 'me'],
        ['clientId', '42'],
        ['limit', '0'],
        ['limit', '201'],
        ['colour', 'blue'],
      ]) {
        const res = await admin
          .get('/api/files')
          .query({ [name]: value })
          .expect(400);
        expect(Object.keys(res.body.fields)).toContain(name);
      }
    });
  });

  describe('pagination', () => {
    it('pages newest first with a cursor, each file once', async () => {
      const client = await t.given.client();
      const created: WorkPermitFileEntity[] = [];
      for (let i = 0; i < 7; i++) {
        created.push(await t.given.file({ clientId: client.id }));
      }
      const pages: Item[][] = [];
      let cursor: string | null = null;
      do {
        const res: { body: PageBody } = await admin
          .get('/api/files')
          .query(cursor ? { clientId: client.id, limit: 3, cursor } : { clientId: client.id, limit: 3 })
          .expect(200);
        pages.push(res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor && pages.length < 10);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(pages.flat().map((f) => f.id)).toEqual(created.map((f) => f.id).reverse());
    });

    it('defaults to 50 items and refuses a forged cursor', async () => {
      const res = await admin.get('/api/files').expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(50);
      const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
      const bad = await admin.get('/api/files').query({ cursor: forged }).expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['cursor']);
    });
  });

  describe('cost of a page', () => {
    it('reads a page of 50 files in the same number of queries as a page of 2, whatever their people', async () => {
      const consultants = await Promise.all(Array.from({ length: 5 }, () => t.given.consultant()));
      for (let i = 0; i < 50; i++) {
        await t.given.file({ consultantId: consultants[i % 5].id, jobTitle: `Costed role ${i}` });
      }
      const logger = t.dataSource.logger;
      const queriesFor = async (query: Record<string, string | number>): Promise<number> => {
        const spy = jest.spyOn(logger, 'logQuery');
        try {
          const res = await admin.get('/api/files').query(query).expect(200);
          expect(res.body.items.length).toBe(Number(query.limit));
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      const big = await queriesFor({ limit: 50, q: 'Costed role' });
      const small = await queriesFor({ limit: 2, q: 'Costed role' });
      const unfiltered = await queriesFor({ limit: 50 });
      expect(big).toBe(small);
      expect(unfiltered).toBe(small);
      // The token's user, then the page with its client and consultant names, then the page's checklist counts
      // (the firm's checklist items, and one grouped statement for documents and waivers), then the page's
      // agreement states in one statement, and the caller's unread messages per file in one statement.
      expect(big).toBeLessThanOrEqual(6);
    });
  });
});
