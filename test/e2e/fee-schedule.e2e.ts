// The fee schedule: who may read and write it, bad input naming the field, the constraints behind the validator,
// and agreement drafts drawing their fee sections from a service in the client's language.
import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { FixedClock } from '@app/shared';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

// Saturday 5 December 2026, 10:00 in Toronto (the firm).
const NOW = '2026-12-05T15:00:00.000Z';

const SERVICE = {
  name: 'Employer-specific work permit (IMP)',
  nameFr: 'Permis de travail lié à un employeur (PMI)',
  stream: 'IMP',
  professionalFeeCents: 250_000,
  governmentFeeKeys: ['work_permit', 'employer_compliance', 'biometrics_individual'],
  milestones: [
    { label: 'On signing the agreement', labelFr: 'À la signature de la convention', amountCents: 125_000 },
    { label: 'On submission of the application', labelFr: 'Au dépôt de la demande', amountCents: 125_000 },
  ],
};

const SERVICES_DESCRIPTION = '- Prepare and submit the work permit application';

/** Intl writes French amounts with no-break spaces; the assertions read them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the fee schedule', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let assistant: SignedInClient;
  let other: SignedInClient;
  let named = 0;

  /** The service with a name no other test uses. */
  const unique = (overrides: Record<string, unknown> = {}) => {
    named += 1;
    return { ...SERVICE, name: `${SERVICE.name} ${named}`, ...overrides };
  };

  async function created(overrides: Record<string, unknown> = {}) {
    const res = await admin.post('/api/fee-schedule').send(unique(overrides)).expect(201);
    return res.body as { id: string; name: string };
  }

  async function fileFor(language: PreferredLanguage) {
    const client = await t.given.client({ consultantId: consultant.user.id, preferredLanguage: language });
    return t.given.file({ clientId: client.id, consultantId: consultant.user.id });
  }

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    assistant = await t.signedInAs(StaffRole.Assistant);
    other = await t.signedInAs(StaffRole.Consultant);
  });

  afterAll(() => t.close());

  describe('roles', () => {
    it('lets admins add and change services, audited, and every staff member read them', async () => {
      const service = await admin.post('/api/fee-schedule').send(unique()).expect(201);
      expect(service.body).toMatchObject({
        stream: 'IMP',
        professionalFeeCents: 250_000,
        governmentFeeKeys: SERVICE.governmentFeeKeys,
        active: true,
        milestones: [
          { position: 1, label: 'On signing the agreement', amountCents: 125_000 },
          { position: 2, label: 'On submission of the application', amountCents: 125_000 },
        ],
      });
      const changed = await admin
        .put(`/api/fee-schedule/${service.body.id}`)
        .send({
          ...SERVICE,
          name: service.body.name,
          professionalFeeCents: 300_000,
          milestones: [
            { label: 'On signing', labelFr: 'À la signature', amountCents: 100_000 },
            { label: 'On submission', labelFr: 'Au dépôt', amountCents: 100_000 },
            { label: 'On approval', labelFr: 'À l’approbation', amountCents: 100_000 },
          ],
          active: false,
        })
        .expect(200);
      expect(changed.body.milestones.map((m: { position: number }) => m.position)).toEqual([1, 2, 3]);
      expect(changed.body.active).toBe(false);
      for (const reader of [consultant, assistant, admin]) {
        const list = await reader.get('/api/fee-schedule').expect(200);
        expect(list.body.items.map((s: { id: string }) => s.id)).toContain(service.body.id);
      }
      const audit: { action: string; changes: Record<string, unknown> }[] = await t.dataSource.query(
        `SELECT action, changes FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
        [service.body.id],
      );
      expect(audit.map((e) => e.action)).toEqual([
        'fee_schedule.service_created',
        'fee_schedule.service_updated',
      ]);
      expect(Object.keys(audit[1].changes).sort()).toEqual(['active', 'milestones', 'professionalFeeCents']);
    });

    it('answers consultants and assistants who write as for a route that does not exist (404), as other admin settings do', async () => {
      const service = await created();
      await consultant.post('/api/fee-schedule').send(unique()).expect(404);
      await assistant.post('/api/fee-schedule').send(unique()).expect(404);
      await consultant.put(`/api/fee-schedule/${service.id}`).send(unique()).expect(404);
      await t.http().get('/api/fee-schedule').expect(401);
    });

    it('answers 404 for a service that does not exist and 409 for a name taken, case aside', async () => {
      await admin.put('/api/fee-schedule/00000000-0000-4000-8000-000000000000').send(unique()).expect(404);
      await admin.put('/api/fee-schedule/not-a-uuid').send(unique()).expect(400);
      const service = await created();
      const taken = await admin
        .post('/api/fee-schedule')
        .send({ ...SERVICE, name: service.name.toUpperCase() })
        .expect(409);
      expect(taken.body.code).toBe('FEE_SCHEDULE_SERVICE_NAME_TAKEN');
      expect(Object.keys(taken.body.fields)).toEqual(['name']);
    });
  });

  describe('bad input names the field, and nothing is written', () => {
    it('refuses milestones that do not add up to the fee', async () => {
      const before = await admin.get('/api/fee-schedule').expect(200);
      const short = await admin
        .post('/api/fee-schedule')
        .send(
          unique({ milestones: [{ label: 'On signing', labelFr: 'À la signature', amountCents: 100_000 }] }),
        )
        .expect(400);
      expect(short.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(short.body.fields)).toEqual(['milestones']);
      expect(short.body.fields.milestones[0]).toContain('1500.00 left to allocate');
      const service = await created();
      const over = await admin
        .put(`/api/fee-schedule/${service.id}`)
        .send({ ...SERVICE, name: service.name, professionalFeeCents: 200_000 })
        .expect(400);
      expect(Object.keys(over.body.fields)).toEqual(['milestones']);
      const after = await admin.get('/api/fee-schedule').expect(200);
      expect(after.body.items).toHaveLength(before.body.items.length + 1);
      const kept = after.body.items.find((s: { id: string }) => s.id === service.id);
      expect(kept.professionalFeeCents).toBe(250_000);
    });

    it('refuses negative or fractional cents', async () => {
      const negative = await admin
        .post('/api/fee-schedule')
        .send(unique({ professionalFeeCents: -1 }))
        .expect(400);
      expect(Object.keys(negative.body.fields)).toEqual(['professionalFeeCents']);
      const fractional = await admin
        .post('/api/fee-schedule')
        .send(unique({ professionalFeeCents: 2500.5 }))
        .expect(400);
      expect(Object.keys(fractional.body.fields)).toEqual(['professionalFeeCents']);
      const milestone = await admin
        .post('/api/fee-schedule')
        .send(
          unique({
            milestones: [
              { label: 'a', labelFr: 'a', amountCents: 125_000.5 },
              { label: 'b', labelFr: 'b', amountCents: -125_000 },
            ],
          }),
        )
        .expect(400);
      expect(Object.keys(milestone.body.fields).sort()).toEqual([
        'milestones.0.amountCents',
        'milestones.1.amountCents',
      ]);
    });

    it('refuses an unknown government fee code, a missing label and unknown fields', async () => {
      const unknown = await admin
        .post('/api/fee-schedule')
        .send(unique({ governmentFeeKeys: ['work_permit', 'visitor_visa'] }))
        .expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['governmentFeeKeys']);
      expect(unknown.body.fields.governmentFeeKeys[0]).toContain('work_permit');
      const label = await admin
        .post('/api/fee-schedule')
        .send(
          unique({
            milestones: [
              { label: ' ', labelFr: 'a', amountCents: 125_000 },
              { label: 'b', labelFr: 'b', amountCents: 125_000 },
            ],
          }),
        )
        .expect(400);
      expect(Object.keys(label.body.fields)).toEqual(['milestones.0.label']);
      const extra = await admin
        .post('/api/fee-schedule')
        .send(unique({ currency: 'USD' }))
        .expect(400);
      expect(Object.keys(extra.body.fields)).toEqual(['currency']);
      const stream = await admin
        .post('/api/fee-schedule')
        .send(unique({ stream: 'PNP' }))
        .expect(400);
      expect(Object.keys(stream.body.fields)).toEqual(['stream']);
    });

    it('is held by PostgreSQL too: milestones that do not add up fail at commit', async () => {
      const service = await created();
      await expect(
        t.dataSource.transaction((m) =>
          m.query(
            'UPDATE fee_schedule_milestones SET amount_cents = 1 WHERE service_id = $1 AND position = 1',
            [service.id],
          ),
        ),
      ).rejects.toMatchObject({ code: '23514' });
      await expect(
        t.dataSource.query('UPDATE fee_schedule_services SET professional_fee_cents = -5 WHERE id = $1', [
          service.id,
        ]),
      ).rejects.toMatchObject({ code: '23514' });
      await expect(
        t.dataSource.query(
          `INSERT INTO fee_schedule_milestones (service_id, position, label, label_fr, amount_cents)
           VALUES ($1, 1, 'again', 'encore', 0)`,
          [service.id],
        ),
      ).rejects.toMatchObject({ code: '23505' });
    });
  });

  describe('agreement drafts drawn from a service', () => {
    it('writes the fee, the IRCC fees at today’s amounts and the milestones in English', async () => {
      const service = await created();
      const file = await fileFor(PreferredLanguage.En);
      const res = await consultant
        .post(`/api/files/${file.id}/agreement`)
        .send({ servicesDescription: SERVICES_DESCRIPTION, feeScheduleServiceId: service.id })
        .expect(201);
      expect(res.body.feeScheduleServiceId).toBe(service.id);
      expect(res.body.terms.feeScheduleServiceId).toBe(service.id);
      const body = res.body.body as string;
      expect(body).toContain('A flat fee of $2,500.00 (CAD)');
      expect(body).toContain('- Work permit processing fee (IRCC): $155.00 per person');
      expect(body).toContain('- Employer compliance fee (IRCC): $230.00 per job offer');
      expect(body).toContain('- Biometrics fee (one person) (IRCC): $85.00 per person');
      expect(body).toContain('not taxed');
      expect(body).toContain('- On signing the agreement: $1,250.00');
      expect(body).toContain('- On submission of the application: $1,250.00');
      const preview = await assistant
        .get(`/api/files/${file.id}/agreement/fee-terms?feeScheduleServiceId=${service.id}`)
        .expect(200);
      expect(preview.body.language).toBe('en');
      expect(preview.body.paymentSchedule).toContain('$1,250.00');
    });

    it('writes them in French for a French-speaking client', async () => {
      const service = await created();
      const file = await fileFor(PreferredLanguage.Fr);
      const res = await consultant
        .post(`/api/files/${file.id}/agreement`)
        .send({ servicesDescription: SERVICES_DESCRIPTION, feeScheduleServiceId: service.id })
        .expect(201);
      expect(res.body.language).toBe('fr');
      const body = plain(res.body.body as string);
      expect(body).toContain('Des honoraires forfaitaires de 2 500,00 $ (CAD)');
      expect(body).toContain('« Permis de travail lié à un employeur (PMI) »');
      expect(body).toContain('- Frais de traitement du permis de travail (IRCC) : 155,00 $ par personne');
      expect(body).toContain(
        '- Frais relatifs à la conformité de l’employeur (IRCC) : 230,00 $ par offre d’emploi',
      );
      expect(body).toContain('- À la signature de la convention : 1 250,00 $');
      expect(body).toContain('- Au dépôt de la demande : 1 250,00 $');
    });

    it('lets written terms override the service’s, and a later change of the service leaves the draft’s text alone', async () => {
      const service = await created();
      const file = await fileFor(PreferredLanguage.En);
      const res = await consultant
        .post(`/api/files/${file.id}/agreement`)
        .send({
          servicesDescription: SERVICES_DESCRIPTION,
          feeScheduleServiceId: service.id,
          paymentSchedule: 'All of it on signing.',
        })
        .expect(201);
      expect(res.body.body).toContain('All of it on signing.');
      expect(res.body.body).not.toContain('- On signing the agreement: $1,250.00');
      expect(res.body.body).toContain('A flat fee of $2,500.00 (CAD)');
      // A later change of the service leaves the draft's text alone.
      await admin
        .put(`/api/fee-schedule/${service.id}`)
        .send({ ...SERVICE, name: service.name, professionalFeeCents: 0, milestones: [] })
        .expect(200);
      const view = await consultant.get(`/api/files/${file.id}/agreement`).expect(200);
      expect(view.body.current.body).toBe(res.body.body);
      // A service an agreement names cannot be deleted.
      await expect(
        t.dataSource.query('DELETE FROM fee_schedule_services WHERE id = $1', [service.id]),
      ).rejects.toMatchObject({ code: '23503' });
    });

    it('refuses an unknown or inactive service, and fee sections given by neither, naming the field', async () => {
      const file = await fileFor(PreferredLanguage.En);
      const none = await consultant
        .post(`/api/files/${file.id}/agreement`)
        .send({ servicesDescription: SERVICES_DESCRIPTION })
        .expect(400);
      expect(Object.keys(none.body.fields).sort()).toEqual([
        'irccFees',
        'paymentSchedule',
        'professionalFees',
      ]);
      const unknown = await consultant
        .post(`/api/files/${file.id}/agreement`)
        .send({
          servicesDescription: SERVICES_DESCRIPTION,
          feeScheduleServiceId: '00000000-0000-4000-8000-000000000000',
        })
        .expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['feeScheduleServiceId']);
      const bad = await consultant
        .post(`/api/files/${file.id}/agreement`)
        .send({ servicesDescription: SERVICES_DESCRIPTION, feeScheduleServiceId: 'x' })
        .expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['feeScheduleServiceId']);
      const inactive = await created({ active: false });
      const refused = await consultant
        .post(`/api/files/${file.id}/agreement`)
        .send({ servicesDescription: SERVICES_DESCRIPTION, feeScheduleServiceId: inactive.id })
        .expect(400);
      expect(refused.body.fields.feeScheduleServiceId[0]).toContain('inactive');
      const view = await consultant.get(`/api/files/${file.id}/agreement`).expect(200);
      expect(view.body.current).toBeNull();
    });

    it('answers 404 for the fee terms of another consultant’s file', async () => {
      const service = await created();
      const file = await fileFor(PreferredLanguage.En);
      await other
        .get(`/api/files/${file.id}/agreement/fee-terms?feeScheduleServiceId=${service.id}`)
        .expect(404);
      const missing = await consultant.get(`/api/files/${file.id}/agreement/fee-terms`).expect(400);
      expect(Object.keys(missing.body.fields)).toEqual(['feeScheduleServiceId']);
    });
  });
});
