// A long spec by design: the service agreement from template to enforcement against one app.
// Starting an app per file costs seconds, so the cases stay together.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { AgreementSignaturesService, DEFAULT_TEMPLATE } from '@app/agreements';
import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { drawnText, hex } from '../support/pdf-text';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

const TERMS = {
  servicesDescription: '- Assess eligibility\n- Prepare and submit the work permit application',
  professionalFees: 'A flat fee of $2,500 CAD, plus tax.',
  irccFees: 'IRCC work permit fee $155 CAD.',
  paymentSchedule: '50% on signing, 50% before submission.',
};

const PRECONDITIONS = {
  identityMethod: 'in person with passport',
  identityConfirmedAt: '2026-12-01T15:30:00Z',
  homeAddress: '1200 Rue Sainte-Catherine O\nMontréal QC H3B 1K9',
  phone: '+1 514 555 0142',
  priorRepresentation: 'none',
};

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

describe('the CICC service agreement (s.24)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let root: string;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let otherConsultant: SignedInClient;
  let assistant: SignedInClient;
  let agreements: AgreementSignaturesService;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    root = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-agreements-'));
    t = await createTestApp({
      env: { SMTP_URL: sink.url, APP_URL: 'https://permitdesk.example.ca', DOCUMENTS_DIR: root },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant, { name: 'Jean Dupuis' });
    otherConsultant = await t.signedInAs(StaffRole.Consultant);
    assistant = await t.signedInAs(StaffRole.Assistant);
    await admin.patch(`/api/users/${consultant.user.id}`).send({ rcicLicenceNumber: 'R712345' }).expect(200);
    agreements = t.app.get(AgreementSignaturesService);
  });

  afterAll(async () => {
    await t.close();
    await sink.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function fileFor(
    attrs: { firstName?: string; lastName?: string; language?: PreferredLanguage } = {},
  ) {
    const client = await t.given.client({
      firstName: attrs.firstName ?? 'Amélie',
      lastName: attrs.lastName ?? 'Tremblay',
      consultantId: consultant.user.id,
      preferredLanguage: attrs.language ?? PreferredLanguage.Fr,
    });
    const file = await t.given.file({ clientId: client.id, consultantId: consultant.user.id });
    return { client, file };
  }

  describe('template (admin)', () => {
    it('ships a default in EN and FR naming s.24, the licence and the College’s complaints', async () => {
      const res = await admin.get('/api/settings/agreement-template').expect(200);
      expect(res.body.version).toBe(1);
      expect(res.body.bodyEn).toBe(DEFAULT_TEMPLATE.en);
      expect(res.body.bodyEn).toContain('section 24');
      expect(res.body.bodyEn).toContain('{{consultant.licenceNumber}}');
      expect(res.body.bodyFr).toContain('Collège des consultants en immigration et en citoyenneté');
      expect(res.body.mergeFields).toContain('client.fullName');
    });

    it('is for admins only: others get 404', async () => {
      await consultant.get('/api/settings/agreement-template').expect(404);
      await assistant.put('/api/settings/agreement-template').send({ bodyEn: 'x', bodyFr: 'y' }).expect(404);
    });

    it('refuses unknown merge fields and unknown properties, naming them', async () => {
      const res = await admin
        .put('/api/settings/agreement-template')
        .send({ bodyEn: 'Hi {{client.nickname}}', bodyFr: 'Bonjour {{client.fullName}}' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields.bodyEn[0]).toContain('{{client.nickname}}');
      expect(res.body.fields.bodyFr).toBeUndefined();
      const extra = await admin
        .put('/api/settings/agreement-template')
        .send({ bodyEn: 'a', bodyFr: 'b', colour: 'red' })
        .expect(400);
      expect(Object.keys(extra.body.fields)).toEqual(['colour']);
    });

    it('keeps versions, audits the change, and a draft records the version it used', async () => {
      const before = await admin.get('/api/settings/agreement-template').expect(200);
      const saved = await admin
        .put('/api/settings/agreement-template')
        .send({ bodyEn: `${before.body.bodyEn}\nExtra clause.`, bodyFr: `${before.body.bodyFr}\nClause.` })
        .expect(200);
      expect(saved.body.version).toBe(before.body.version + 1);
      const rows: { n: string }[] = await t.dataSource.query('SELECT count(*) AS n FROM agreement_templates');
      expect(Number(rows[0].n)).toBe(saved.body.version);
      const audit: { action: string }[] = await t.dataSource.query(
        `SELECT action FROM audit_events WHERE action = 'agreement_template.changed'`,
      );
      expect(audit.length).toBeGreaterThan(0);
      const { file } = await fileFor();
      const draft = await consultant.post(`/api/files/${file.id}/agreement`).send(TERMS).expect(201);
      expect(draft.body.templateVersion).toBe(saved.body.version);
      expect(draft.body.body).toContain('Clause.');
    });
  });

  describe('drafts, preconditions and sending', () => {
    it('makes a draft in the client’s language, merged, with the SHA-256 of its text', async () => {
      const { file } = await fileFor({ language: PreferredLanguage.Fr });
      const res = await consultant.post(`/api/files/${file.id}/agreement`).send(TERMS).expect(201);
      expect(res.body).toMatchObject({ status: 'draft', language: 'fr', version: 1 });
      expect(res.body.body).toContain('Convention de service');
      expect(res.body.body).toContain('Amélie Tremblay');
      expect(res.body.body).toContain('R712345');
      expect(res.body.body).toContain(file.fileNumber);
      expect(res.body.bodySha256).toBe(sha256(res.body.body));
    });

    it('answers 404 for another consultant’s file and 400 naming a bad or missing field', async () => {
      const { file } = await fileFor();
      await otherConsultant.post(`/api/files/${file.id}/agreement`).send(TERMS).expect(404);
      await otherConsultant.get(`/api/files/${file.id}/agreement`).expect(404);
      await otherConsultant
        .put(`/api/files/${file.id}/agreement-preconditions`)
        .send(PRECONDITIONS)
        .expect(404);
      const missing = await consultant
        .post(`/api/files/${file.id}/agreement`)
        .send({ ...TERMS, irccFees: undefined })
        .expect(400);
      expect(Object.keys(missing.body.fields)).toEqual(['irccFees']);
      const bad = await consultant
        .put(`/api/files/${file.id}/agreement-preconditions`)
        .send({ ...PRECONDITIONS, priorRepresentation: 'maybe' })
        .expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['priorRepresentation']);
      const notes = await consultant
        .put(`/api/files/${file.id}/agreement-preconditions`)
        .send({ ...PRECONDITIONS, priorRepresentation: 'concurrent' })
        .expect(400);
      expect(Object.keys(notes.body.fields)).toEqual(['priorRepresentationNotes']);
      await consultant.get('/api/files/not-a-uuid/agreement').expect(400);
    });

    it('refuses to send before the preconditions are recorded (409 naming them), then emails the client', async () => {
      const { client, file } = await fileFor({
        firstName: 'Priya',
        lastName: 'Sharma',
        language: PreferredLanguage.En,
      });
      const draft = await assistant.post(`/api/files/${file.id}/agreement`).send(TERMS).expect(201);
      const refused = await assistant.post(`/api/agreements/${draft.body.id}/send`).expect(409);
      expect(refused.body.code).toBe('AGREEMENT_PRECONDITIONS_MISSING');
      expect(refused.body.message).toContain('identity and contact details confirmed');
      expect(refused.body.message).toContain('prior representation checked');
      await assistant.put(`/api/files/${file.id}/agreement-preconditions`).send(PRECONDITIONS).expect(200);
      const outdated = await assistant.post(`/api/agreements/${draft.body.id}/send`).expect(409);
      expect(outdated.body.code).toBe('AGREEMENT_DRAFT_OUTDATED');

      const fresh = await assistant.post(`/api/files/${file.id}/agreement`).send(TERMS).expect(201);
      expect(fresh.body.version).toBe(2);
      expect(fresh.body.body).toContain('1200 Rue Sainte-Catherine O, Montréal QC H3B 1K9');
      await otherConsultant.post(`/api/agreements/${fresh.body.id}/send`).expect(404);
      const sent = await assistant.post(`/api/agreements/${fresh.body.id}/send`).expect(200);
      expect(sent.body.status).toBe('sent');
      await waitFor(() => sink.to(client.email as string).length === 1, 10_000, 'the agreement email');
      const mails = sink.to(client.email as string);
      expect(mails[0].subject).toBe(`Your service agreement is ready – ${file.fileNumber}`);
      expect(mails[0].text).toContain('https://permitdesk.example.ca/portal');
      expect(mails[0].text).not.toContain('2,500');
      await assistant.post(`/api/agreements/${fresh.body.id}/send`).expect(409);

      const view = await assistant.get(`/api/files/${file.id}/agreement`).expect(200);
      expect(view.body.current.id).toBe(fresh.body.id);
      expect(view.body.history.map((a: { status: string }) => a.status)).toEqual(['sent', 'superseded']);
      expect(view.body.preconditions.identityConfirmedById).toBe(assistant.user.id);
      expect(view.body.mayLeaveIntake).toBe(false);
    });
  });

  describe('signing', () => {
    async function sentAgreement(language = PreferredLanguage.Fr) {
      const made = await fileFor({ language });
      await consultant
        .put(`/api/files/${made.file.id}/agreement-preconditions`)
        .send(PRECONDITIONS)
        .expect(200);
      const draft = await consultant.post(`/api/files/${made.file.id}/agreement`).send(TERMS).expect(201);
      await consultant.post(`/api/agreements/${draft.body.id}/send`).expect(200);
      return { ...made, agreementId: draft.body.id as string };
    }

    it('lets only the agreement’s own client read and sign it, with their name and consent', async () => {
      const { client, agreementId } = await sentAgreement();
      const stranger = await t.given.client();
      await expect(agreements.getForClient(stranger.id, agreementId)).rejects.toMatchObject({
        code: 'AGREEMENT_NOT_FOUND',
      });
      await expect(
        agreements.signAsClient(stranger.id, agreementId, {
          typedName: 'Amélie Tremblay',
          consent: true,
          ip: '203.0.113.9',
          userAgent: 'x',
        }),
      ).rejects.toMatchObject({ code: 'AGREEMENT_NOT_FOUND' });
      await expect(
        agreements.signAsClient(client.id, agreementId, {
          typedName: 'Amelie Tremblai',
          consent: true,
          ip: null,
          userAgent: null,
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { typedName: expect.any(Array) } });
      await expect(
        agreements.signAsClient(client.id, agreementId, {
          typedName: 'Amélie Tremblay',
          consent: false,
          ip: null,
          userAgent: null,
        }),
      ).rejects.toMatchObject({ fields: { consent: expect.any(Array) } });
      expect((await agreements.getForClient(client.id, agreementId)).status).toBe('sent');
    });

    it('a draft is not the client’s to see', async () => {
      const { client, file } = await fileFor();
      const draft = await consultant.post(`/api/files/${file.id}/agreement`).send(TERMS).expect(201);
      await expect(agreements.getForClient(client.id, draft.body.id)).rejects.toMatchObject({
        code: 'AGREEMENT_NOT_FOUND',
      });
    });

    it('runs the whole flow: client signs, consultant countersigns, the PDF is a document of the file', async () => {
      const { client, file, agreementId } = await sentAgreement();
      await consultant.post(`/api/agreements/${agreementId}/countersign`).expect(409);
      const signed = await agreements.signAsClient(client.id, agreementId, {
        typedName: '  amelie TREMBLAY ',
        consent: true,
        ip: '203.0.113.9',
        userAgent: 'Mozilla/5.0 (iPhone) Portal',
      });
      expect(signed.status).toBe('client_signed');
      expect(signed.clientSignedAt).toBeInstanceOf(Date);
      await expect(
        agreements.signAsClient(client.id, agreementId, {
          typedName: 'Amélie Tremblay',
          consent: true,
          ip: null,
          userAgent: null,
        }),
      ).rejects.toMatchObject({ code: 'AGREEMENT_INVALID_STATE' });

      await assistant.post(`/api/agreements/${agreementId}/countersign`).expect(404);
      await otherConsultant.post(`/api/agreements/${agreementId}/countersign`).expect(404);
      const done = await consultant
        .post(`/api/agreements/${agreementId}/countersign`)
        .set('User-Agent', 'PermitDesk staff test')
        .expect(200);
      expect(done.body).toMatchObject({ status: 'signed', countersignerName: 'Jean Dupuis' });
      expect(done.body.countersignerLicence).toBe('R712345');
      expect(done.body.documentId).toEqual(expect.any(String));
      await consultant.post(`/api/agreements/${agreementId}/countersign`).expect(409);

      const content = await consultant
        .get(`/api/documents/${done.body.documentId}/content`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const pdfBytes = content.body as Buffer;
      expect(sha256(pdfBytes)).toBe(done.body.pdfSha256);
      const pdf = await PDFDocument.load(pdfBytes);
      expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
      expect(pdf.getTitle()).toContain(file.fileNumber);
      const drawn = drawnText(pdfBytes);
      expect(drawn).toContain(hex(done.body.bodySha256));
      expect(drawn).toContain(hex('203.0.113.9'));
      expect(drawn).toContain(hex('PermitDesk staff test'.split(' ')[2]));

      const document = await consultant.get(`/api/documents/${done.body.documentId}`).expect(200);
      expect(document.body).toMatchObject({ kind: 'service_agreement', sha256: done.body.pdfSha256 });
      const view = await consultant.get(`/api/files/${file.id}/agreement`).expect(200);
      expect(view.body.mayLeaveIntake).toBe(true);
      const audit: { action: string }[] = await t.dataSource.query(
        `SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
        [agreementId],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'agreement.drafted',
        'agreement.sent',
        'agreement.client_signed',
        'agreement.countersigned',
      ]);
      await consultant.post(`/api/files/${file.id}/transitions`).send({ to: 'preparing' }).expect(200);
    });
  });

  describe('agreement state in the files list', () => {
    it('shows each file’s agreement state and filters the list by it, in the consultant’s scope', async () => {
      const lastName = `Agreement${Date.now()}`;
      const none = await fileFor({ lastName });
      const draft = await fileFor({ lastName });
      await consultant.post(`/api/files/${draft.file.id}/agreement`).send(TERMS).expect(201);
      const sent = await fileFor({ lastName });
      await consultant
        .put(`/api/files/${sent.file.id}/agreement-preconditions`)
        .send(PRECONDITIONS)
        .expect(200);
      const sentDraft = await consultant.post(`/api/files/${sent.file.id}/agreement`).send(TERMS).expect(201);
      await consultant.post(`/api/agreements/${sentDraft.body.id}/send`).expect(200);
      const signed = await fileFor({ lastName });
      await consultant
        .put(`/api/files/${signed.file.id}/agreement-preconditions`)
        .send(PRECONDITIONS)
        .expect(200);
      const signedDraft = await consultant
        .post(`/api/files/${signed.file.id}/agreement`)
        .send(TERMS)
        .expect(201);
      await consultant.post(`/api/agreements/${signedDraft.body.id}/send`).expect(200);
      await agreements.signAsClient(signed.client.id, signedDraft.body.id, {
        typedName: `Amélie ${lastName}`,
        consent: true,
        ip: null,
        userAgent: null,
      });
      await consultant.post(`/api/agreements/${signedDraft.body.id}/countersign`).expect(200);
      const overridden = await fileFor({ lastName });
      await admin
        .post(`/api/files/${overridden.file.id}/agreement-override`)
        .send({ reason: 'Signed on paper before PermitDesk' })
        .expect(200);

      const expected: Record<string, string> = {
        [none.file.id]: 'none',
        [draft.file.id]: 'draft',
        [sent.file.id]: 'sent',
        [signed.file.id]: 'signed',
        [overridden.file.id]: 'overridden',
      };
      const all = await consultant.get('/api/files').query({ q: lastName, limit: 100 }).expect(200);
      expect(
        Object.fromEntries(all.body.items.map((f: { id: string; agreement: string }) => [f.id, f.agreement])),
      ).toEqual(expected);
      for (const [id, state] of Object.entries(expected)) {
        const one = await consultant.get(`/api/files/${id}`).expect(200);
        expect(one.body.agreement).toBe(state);
        const filtered = await consultant
          .get('/api/files')
          .query({ q: lastName, agreement: state })
          .expect(200);
        expect(filtered.body.items.map((f: { id: string }) => f.id)).toEqual([id]);
      }
      const theirs = await otherConsultant
        .get('/api/files')
        .query({ agreement: 'signed', q: lastName })
        .expect(200);
      expect(theirs.body.items).toEqual([]);
      const bad = await consultant.get('/api/files').query({ agreement: 'maybe' }).expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['agreement']);
    });
  });

  describe('enforcement', () => {
    it('keeps a file in intake without a signed agreement (AGREEMENT_REQUIRED), withdrawing stays possible', async () => {
      const { file } = await fileFor();
      const res = await consultant
        .post(`/api/files/${file.id}/transitions`)
        .send({ to: 'preparing' })
        .expect(409);
      expect(res.body.code).toBe('AGREEMENT_REQUIRED');
      const still = await consultant.get(`/api/files/${file.id}`).expect(200);
      expect(still.body.status).toBe('intake');
      const other = await fileFor();
      await consultant.post(`/api/files/${other.file.id}/transitions`).send({ to: 'withdrawn' }).expect(200);
    });

    it('lets an admin record an override with a reason (audited, shown on the file); others get 404', async () => {
      const { file } = await fileFor();
      await consultant
        .post(`/api/files/${file.id}/agreement-override`)
        .send({ reason: 'Signed on paper before PermitDesk' })
        .expect(404);
      const empty = await admin
        .post(`/api/files/${file.id}/agreement-override`)
        .send({ reason: ' ' })
        .expect(400);
      expect(Object.keys(empty.body.fields)).toEqual(['reason']);
      const res = await admin
        .post(`/api/files/${file.id}/agreement-override`)
        .send({ reason: 'Signed on paper before PermitDesk' })
        .expect(200);
      expect(res.body.override.reason).toBe('Signed on paper before PermitDesk');
      expect(res.body.mayLeaveIntake).toBe(true);
      await consultant.post(`/api/files/${file.id}/transitions`).send({ to: 'preparing' }).expect(200);
      const timeline = await consultant.get(`/api/files/${file.id}/timeline`).expect(200);
      expect(timeline.body.items.map((e: { action: string }) => e.action)).toContain('agreement.overridden');
    });
  });
});
