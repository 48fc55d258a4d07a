import { StaffRole } from '@app/auth';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

describe('NOC titles in the user language', () => {
  let t: TestApp;
  let staff: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.signedInAs(StaffRole.Assistant);
  });
  afterAll(() => t.close());

  it('answers both titles and `title` in the asked language, English where the French is missing', async () => {
    const res = await staff.get('/api/reference/noc').query({ q: '21232', lang: 'fr' }).expect(200);
    const [group] = res.body as { code: string; title: string; titleEn: string; titleFr: string | null }[];
    expect(group).toMatchObject({ code: '21232', titleEn: 'Software developers and programmers' });
    expect(group.title).toBe(group.titleFr ?? group.titleEn);
    const one = await staff.get('/api/reference/noc/21232').query({ lang: 'fr' }).expect(200);
    expect(one.body.title).toBe(group.title);
  });

  it('keeps English by default and refuses an unknown language', async () => {
    const res = await staff.get('/api/reference/noc').query({ q: '21232' }).expect(200);
    expect(res.body[0].title).toBe('Software developers and programmers');
    const bad = await staff.get('/api/reference/noc').query({ q: '21232', lang: 'de' }).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['lang']);
  });

  it('gives a file both NOC titles', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const client = await t.given.client();
    const res = await admin
      .post('/api/files')
      .send({
        clientId: client.id,
        stream: 'IMP',
        applicationType: 'initial',
        imp: { exemptionCode: 'C43' },
        nocCode: '21232',
      })
      .expect(201);
    expect(res.body).toHaveProperty('nocTitle', 'Software developers and programmers');
    expect(res.body).toHaveProperty('nocTitleFr');
  });
});
