import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

const NOW = '2026-12-04T15:00:00.000Z';

interface Deadline {
  id: string;
  kind: string;
  dueOn: string;
  title: string;
  source: string;
}

describe('status in Canada and its deadline', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
  });
  afterAll(() => t.close());

  async function createClient(
    body: Record<string, unknown>,
  ): Promise<{ id: string } & Record<string, unknown>> {
    const res = await admin.post('/api/clients').send({ firstName: 'Priya', lastName: 'Sharma', ...body });
    expect([res.status, res.body.fields]).toEqual([201, undefined]);
    return res.body;
  }

  async function openFile(clientId: string): Promise<string> {
    const res = await admin
      .post('/api/files')
      .send({ clientId, stream: 'IMP', applicationType: 'extension', imp: { exemptionCode: 'C43' } });
    expect([res.status, res.body.fields]).toEqual([201, undefined]);
    return res.body.id as string;
  }

  async function statusDeadlines(fileId: string): Promise<Deadline[]> {
    const res = await admin.get(`/api/files/${fileId}/deadlines`).query({ limit: 200 }).expect(200);
    return (res.body.items as Deadline[]).filter((d) => d.kind === 'status_expiry');
  }

  it('records maintained status with the date applied for and the expiry it extends; no status deadline', async () => {
    const client = await createClient({
      statusInCanada: 'worker',
      statusExpiresOn: '2026-12-31',
    });
    const fileId = await openFile(client.id);
    expect((await statusDeadlines(fileId)).map((d) => [d.dueOn, d.source])).toEqual([
      ['2026-12-31', 'key_date'],
    ]);

    const res = await admin
      .patch(`/api/clients/${client.id}`)
      .send({ statusInCanada: 'maintained_status', statusAppliedOn: '2026-12-01' })
      .expect(200);
    expect(res.body).toMatchObject({
      statusInCanada: 'maintained_status',
      statusExpiresOn: '2026-12-31',
      statusAppliedOn: '2026-12-01',
      statusLostOn: null,
    });
    expect(await statusDeadlines(fileId)).toEqual([]);
  });

  it('refuses maintained status applied for after the expiry', async () => {
    const res = await admin.post('/api/clients').send({
      firstName: 'Late',
      lastName: 'Applicant',
      statusInCanada: 'maintained_status',
      statusExpiresOn: '2026-11-30',
      statusAppliedOn: '2026-12-02',
    });
    expect(res.status).toBe(400);
    expect(res.body.fields.statusAppliedOn[0]).toContain('only restoration is possible');
  });

  it('gives a restoration client a deadline 90 days after status was lost, gone once restoration is applied for', async () => {
    const client = await createClient({ statusInCanada: 'restoration', statusLostOn: '2026-11-30' });
    const fileId = await openFile(client.id);
    const [deadline] = await statusDeadlines(fileId);
    expect(deadline).toMatchObject({
      dueOn: '2027-02-28',
      title: 'Last day to apply for restoration of status',
    });

    await admin.patch(`/api/clients/${client.id}`).send({ statusLostOn: '2026-12-01' }).expect(200);
    expect((await statusDeadlines(fileId)).map((d) => d.dueOn)).toEqual(['2027-03-01']);
    await admin.patch(`/api/deadlines/${deadline.id}`).send({ dueOn: '2027-03-10' }).expect(400);

    await admin.patch(`/api/clients/${client.id}`).send({ statusAppliedOn: '2027-01-05' }).expect(200);
    expect(await statusDeadlines(fileId)).toEqual([]);
    const late = await admin.patch(`/api/clients/${client.id}`).send({ statusAppliedOn: '2027-03-05' });
    expect(late.status).toBe(400);
  });

  it('needs the expiry of a TRP and of a visitor record, and refuses dates that do not apply', async () => {
    for (const status of ['trp_holder', 'visitor_record']) {
      const res = await admin
        .post('/api/clients')
        .send({ firstName: 'A', lastName: 'B', statusInCanada: status });
      expect([res.status, Object.keys(res.body.fields)]).toEqual([400, ['statusExpiresOn']]);
    }
    const trp = await createClient({ statusInCanada: 'trp_holder', statusExpiresOn: '2027-05-01' });
    expect((await statusDeadlines(await openFile(trp.id))).map((d) => d.dueOn)).toEqual(['2027-05-01']);
    const claimant = await createClient({
      statusInCanada: 'refugee_claimant',
      statusAppliedOn: '2026-06-01',
    });
    expect(claimant).toMatchObject({ statusAppliedOn: '2026-06-01', statusExpiresOn: null });
    const wrong = await admin.patch(`/api/clients/${claimant.id}`).send({ statusLostOn: '2026-10-01' });
    expect([wrong.status, Object.keys(wrong.body.fields)]).toEqual([400, ['statusLostOn']]);
  });

  it('keeps the status deadline on the newest open file only, and hands it back when that file is withdrawn', async () => {
    const client = await createClient({ statusInCanada: 'student', statusExpiresOn: '2027-04-30' });
    const first = await openFile(client.id);
    const second = await openFile(client.id);
    expect(await statusDeadlines(first)).toEqual([]);
    expect((await statusDeadlines(second)).map((d) => d.dueOn)).toEqual(['2027-04-30']);

    await admin.post(`/api/files/${second}/transitions`).send({ to: 'withdrawn' }).expect(200);
    expect(await statusDeadlines(second)).toEqual([]);
    expect((await statusDeadlines(first)).map((d) => d.dueOn)).toEqual(['2027-04-30']);

    // A new status without a date clears the old expiry and the deadline.
    const pr = await admin
      .patch(`/api/clients/${client.id}`)
      .send({ statusInCanada: 'permanent_resident' })
      .expect(200);
    expect(pr.body.statusExpiresOn).toBeNull();
    expect(await statusDeadlines(first)).toEqual([]);
  });
});
