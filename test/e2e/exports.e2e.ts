// A long spec by design: every staff list's CSV export against one app.
// Starting an app per file costs seconds, so the cases stay together.
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StaffRole } from '@app/auth';
import { bookableConsultant } from '../support/bookable';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

/** RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

/** The raw body of a CSV answer, BOM included (supertest would otherwise leave text/csv unparsed). */
const raw = (test: import('supertest').Test) =>
  test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });

interface Csv {
  header: string[];
  rows: string[][];
  /** The rows as objects keyed by header. */
  records: Record<string, string>[];
}

async function exportOf(
  who: SignedInClient,
  url: string,
  headers: Record<string, string> = {},
): Promise<Csv> {
  let test = who.get(url);
  for (const [name, value] of Object.entries(headers)) {
    test = test.set(name, value);
  }
  const res = await raw(test).expect(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const body = res.body as string;
  expect(body.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(body.slice(1));
  for (const row of rows) {
    expect(row).toHaveLength(header.length);
  }
  return {
    header,
    rows,
    records: rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]]))),
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('CSV exports of the staff lists', () => {
  let t: TestApp;
  let admin: SignedInClient;
  let assistant: SignedInClient;
  let own: SignedInClient;
  let other: SignedInClient;
  let today: string;

  const exportEvents = async (action: string) =>
    t.dataSource.query<{ actor_id: string; subject_type: string; changes: Record<string, unknown> }[]>(
      'SELECT actor_id, subject_type, changes FROM audit_events WHERE action = $1 ORDER BY seq',
      [action],
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signedInAs(StaffRole.Admin);
    assistant = await t.signedInAs(StaffRole.Assistant);
    own = await t.signedInAs(StaffRole.Consultant, {
      name: 'Amélie Tremblay',
      email: 'amelie@test.permitdesk.ca',
    });
    other = await t.signedInAs(StaffRole.Consultant, {
      name: 'Other Consultant',
      email: 'other@test.permitdesk.ca',
    });
    today = new Date().toLocaleDateString('en-CA', { timeZone: t.config.firmTimeZone });
  });
  afterAll(() => t.close());

  describe('clients', () => {
    beforeAll(async () => {
      await t.given.client({
        firstName: 'Zoé',
        lastName: 'Côté',
        email: 'zoe@example.com',
        phone: '+16045550123',
        statusInCanada: 'worker' as never,
        statusExpiresOn: '2027-03-01',
        preferredLanguage: 'fr' as never,
        consultantId: own.user.id,
      });
      await t.given.client({
        firstName: '=HYPERLINK("http://evil")',
        lastName: '@SUM(A1)',
        consultantId: own.user.id,
      });
      await t.given.client({ firstName: 'Mine', lastName: 'Not', consultantId: other.user.id });
    });

    it('streams the list with human headers and values, a BOM, a dated attachment name, and audits it', async () => {
      const res = await raw(admin.get('/api/clients/export.csv')).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="clients-${today}.csv"`);
      const csv = await exportOf(admin, '/api/clients/export.csv');
      expect(csv.header).toEqual([
        'Last name',
        'First name',
        'Email',
        'Phone',
        'Date of birth',
        'Citizenship',
        'Country of residence',
        'Status in Canada',
        'Status expires',
        'Passport expires',
        'UCI',
        'Preferred language',
        'Consultant',
        'Prospect',
        'Archived on',
        'Created on',
      ]);
      const zoe = csv.records.find((r) => r['First name'] === 'Zoé');
      expect(zoe).toMatchObject({
        'Last name': 'Côté',
        Email: 'zoe@example.com',
        // A leading + could start a formula: quoted (OWASP), still readable.
        Phone: "'+16045550123",
        'Status in Canada': 'Worker',
        'Status expires': '2027-03-01',
        'Preferred language': 'French',
        Consultant: 'Amélie Tremblay',
        Prospect: 'No',
        'Archived on': '',
        'Created on': today,
      });
      // Formula-looking cells are written as text.
      const evil = csv.records.find((r) => r['Last name'].includes('SUM'));
      expect(evil).toMatchObject({ 'First name': `'=HYPERLINK("http://evil")`, 'Last name': "'@SUM(A1)" });
      for (const row of csv.rows) {
        expect(row.join(',')).not.toMatch(UUID);
        expect(row.join(',')).not.toMatch(ISO_INSTANT);
      }
      const events = await exportEvents('clients.exported');
      expect(events.at(-1)).toEqual({
        actor_id: admin.user.id,
        subject_type: 'export',
        changes: { resource: 'clients', filters: {}, rows: 3, completed: true },
      });
    });

    it('writes French headers and labels for lang=fr or a French Accept-Language', async () => {
      for (const [url, headers] of [
        ['/api/clients/export.csv?lang=fr', {}],
        ['/api/clients/export.csv', { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' }],
      ] as const) {
        const csv = await exportOf(admin, url, headers);
        expect(csv.header.slice(0, 3)).toEqual(['Nom', 'Prénom', 'Courriel']);
        expect(csv.records.find((r) => r['Prénom'] === 'Zoé')).toMatchObject({
          'Statut au Canada': 'Travailleur',
          'Langue préférée': 'Français',
          Prospect: 'Non',
        });
      }
    });

    it('honours the filters and the scope: a consultant exports only their own clients', async () => {
      const found = await exportOf(admin, '/api/clients/export.csv?q=zo%C3%A9');
      expect(found.records.map((r) => r['First name'])).toEqual(['Zoé']);
      const mine = await exportOf(own, '/api/clients/export.csv');
      expect(mine.records.map((r) => r.Consultant)).toEqual(['Amélie Tremblay', 'Amélie Tremblay']);
      // Asking for another consultant's clients gives nothing, as the list does.
      const theirs = await exportOf(own, `/api/clients/export.csv?consultantId=${other.user.id}`);
      expect(theirs.rows).toEqual([]);
      expect((await exportEvents('clients.exported')).at(-1)).toMatchObject({
        actor_id: own.user.id,
        changes: { filters: { consultantId: other.user.id }, rows: 0, completed: true },
      });
    });

    it('answers 401 without a token and 400 naming a bad filter, as the list does', async () => {
      await t.http().get('/api/clients/export.csv').expect(401);
      const bad = await admin.get('/api/clients/export.csv?consultantId=nope').expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(bad.body)).toContain('consultantId');
      const lang = await admin.get('/api/clients/export.csv?lang=de').expect(400);
      expect(JSON.stringify(lang.body)).toContain('lang');
      // Paging is the export's own business.
      await admin.get('/api/clients/export.csv?limit=1000').expect(400);
    });

    let bulkId: string;

    it('streams 2,600 rows across pages, each once, newest first', async () => {
      const bulk = await t.given.consultant({ name: 'Bulk Consultant' });
      bulkId = bulk.id;
      // Ten clients share each creation instant, so pages also break inside ties (ordered by id).
      await t.dataSource.query(
        `INSERT INTO clients (first_name, last_name, email, consultant_id, created_at)
         SELECT 'Bulk', lpad(g::text, 5, '0'), 'bulk' || g || '@example.com', $1,
                now() - interval '1 day' + (g / 10) * interval '1 millisecond'
         FROM generate_series(1, 2600) g`,
        [bulk.id],
      );
      const csv = await exportOf(admin, `/api/clients/export.csv?consultantId=${bulk.id}`);
      expect(csv.rows).toHaveLength(2600);
      const numbers = csv.records.map((r) => r['Last name']);
      expect(new Set(numbers).size).toBe(2600);
      expect(csv.records.every((r) => r.Consultant === 'Bulk Consultant')).toBe(true);
      // Newest first: the highest creation instant first.
      expect(Number(numbers[0])).toBeGreaterThanOrEqual(2590);
      expect(Number(numbers.at(-1))).toBeLessThanOrEqual(9);
      expect((await exportEvents('clients.exported')).at(-1)).toMatchObject({
        changes: { rows: 2600, completed: true },
      });
    });
    it('stops when the client goes away, and audits the export as cut short', async () => {
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const req = get(
          {
            host: '127.0.0.1',
            port,
            path: `/api/clients/export.csv?consultantId=${bulkId}`,
            headers: { Authorization: `Bearer ${admin.token}` },
          },
          (res) => {
            expect(res.statusCode).toBe(200);
            // The first chunk, then gone.
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) =>
          error.code === 'ECONNRESET' ? resolve() : reject(error),
        );
      });
      const started = Date.now();
      let last: { changes: Record<string, unknown> } | undefined;
      while (Date.now() - started < 10_000) {
        last = (await exportEvents('clients.exported')).at(-1);
        if (last?.changes.completed === false) {
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(last?.changes).toMatchObject({ completed: false, filters: { consultantId: bulkId } });
      expect(last?.changes.rows).toBeLessThan(2600);
    });
  });

  describe('files and deadlines', () => {
    let mineNumber: string;
    let theirsNumber: string;

    beforeAll(async () => {
      const mine = await t.given.file({
        consultantId: own.user.id,
        stream: 'TFWP' as never,
        tfwp: { lmiaStream: 'high_wage', lmiaStatus: 'pending' } as never,
        employer: { name: 'Maple Software Inc.' },
        nocCode: '21232',
        province: 'BC',
        jobTitle: '-Software developer',
      });
      const theirs = await t.given.file({ consultantId: other.user.id });
      mineNumber = mine.fileNumber;
      theirsNumber = theirs.fileNumber;
      await t.given.deadline(mine.id, {
        title: 'Send the offer',
        dueOn: '2027-01-15',
        assigneeId: own.user.id,
      });
      await t.given.deadline(theirs.id, { title: 'Not yours', dueOn: '2027-01-16' });
    });

    it('files: labels, names, scope, filters', async () => {
      const all = await exportOf(assistant, '/api/files/export.csv');
      expect(all.header).toEqual([
        'File',
        'Client',
        'Stream',
        'Application type',
        'Status',
        'Consultant',
        'Exemption code',
        'LMIA stream',
        'NOC 2021',
        'Province',
        'Job title',
        'Employer',
        'Submitted',
        'Decision',
        'Permit expires',
        'Opened on',
      ]);
      expect(all.records.map((r) => r.File).sort()).toEqual([mineNumber, theirsNumber].sort());
      expect(all.records.find((r) => r.File === mineNumber)).toMatchObject({
        Stream: 'TFWP',
        'Application type': 'Initial',
        Status: 'Intake',
        Consultant: 'Amélie Tremblay',
        'NOC 2021': '21232',
        Province: 'BC',
        'Job title': "'-Software developer",
        'Opened on': today,
      });
      const mine = await exportOf(own, '/api/files/export.csv');
      expect(mine.records.map((r) => r.File)).toEqual([mineNumber]);
      const imp = await exportOf(admin, '/api/files/export.csv?stream=IMP&lang=fr');
      expect(imp.records.map((r) => r.Dossier)).toEqual([theirsNumber]);
      expect(imp.records[0]).toMatchObject({ Statut: 'Accueil', 'Code de dispense': 'C43' });
      await t.http().get('/api/files/export.csv').expect(401);
      await admin.get('/api/files/export.csv?stream=XYZ').expect(400);
      expect((await exportEvents('files.exported')).at(-1)).toMatchObject({
        actor_id: admin.user.id,
        changes: { resource: 'files', filters: { stream: 'IMP' }, rows: 1, completed: true },
      });
    });

    it('deadlines: labels, names, scope, filters', async () => {
      const mine = await exportOf(own, '/api/deadlines/export.csv');
      expect(mine.header).toEqual([
        'Due',
        'Deadline',
        'Kind',
        'File',
        'Client',
        'Assignee',
        'State',
        'Overdue',
        'Completed on',
        'Notes',
      ]);
      const offer = mine.records.find((r) => r.Deadline === 'Send the offer');
      expect(offer).toMatchObject({
        Due: '2027-01-15',
        Kind: 'Other',
        File: mineNumber,
        Assignee: 'Amélie Tremblay',
        State: 'Open',
        Overdue: 'No',
      });
      expect(mine.records.some((r) => r.Deadline === 'Not yours')).toBe(false);
      const all = await exportOf(admin, '/api/deadlines/export.csv?from=2027-01-16&lang=fr');
      expect(all.records.map((r) => r['Échéance (titre)'])).toContain('Not yours');
      expect(all.records.every((r) => r['Échéance'] >= '2027-01-16')).toBe(true);
      expect(all.records.find((r) => r['Échéance (titre)'] === 'Not yours')).toMatchObject({
        Type: 'Autre',
        État: 'Ouverte',
      });
      await t.http().get('/api/deadlines/export.csv').expect(401);
      await admin.get('/api/deadlines/export.csv?kind=nope').expect(400);
      expect((await exportEvents('deadlines.exported')).at(-1)).toMatchObject({
        actor_id: admin.user.id,
        changes: { filters: { from: '2027-01-16' }, completed: true },
      });
    });
  });

  describe('timelines and reminders speak names', () => {
    it('a file timeline names who acted and the people its changes refer to; reminders name their recipient', async () => {
      const file = await t.given.file({ consultantId: own.user.id });
      await t.given.deadline(file.id, {
        title: 'Names please',
        dueOn: '2027-05-03',
        assigneeId: own.user.id,
      });
      const timeline = await admin.get(`/api/files/${file.id}/timeline`).expect(200);
      const added = (
        timeline.body.items as {
          action: string;
          actor: { name: string } | null;
          changes: Record<string, unknown>;
          names: Record<string, string>;
        }[]
      ).find((e) => e.action === 'deadline.created');
      expect(added?.actor?.name).toBe('File Opener');
      expect(added?.changes.assigneeId).toBe(own.user.id);
      expect(added?.names[own.user.id]).toBe('Amélie Tremblay');
      const client = await admin.get(`/api/clients/${file.clientId}/timeline`).expect(200);
      expect(client.body.items[0]).toHaveProperty('names');
      expect(client.body.items[0]).toHaveProperty('actor');

      const reminders = await admin.get(`/api/reminders?subjectType=deadline&limit=200`).expect(200);
      const mine = (
        reminders.body.items as {
          about: string;
          recipientName: string;
          recipientEmail: string;
          deadlineKind: string;
        }[]
      ).filter((r) => r.about === 'Names please');
      expect(mine.length).toBeGreaterThan(0);
      expect(mine[0]).toMatchObject({
        recipientName: 'Amélie Tremblay',
        recipientEmail: 'amelie@test.permitdesk.ca',
        deadlineKind: 'custom',
      });
    });
  });

  describe('consultations', () => {
    it('labels, names, firm-zone times, scope, filters', async () => {
      const {
        admin: booker,
        consultant,
        typeId,
      } = await bookableConsultant(t, {
        name: 'Chloé Bergeron',
        email: 'chloe@test.permitdesk.ca',
      });
      const client = await t.given.client({
        firstName: 'Ravi',
        lastName: 'Patel',
        consultantId: consultant.user.id,
      });
      await booker
        .post('/api/consultations')
        .send({
          type: typeId,
          clientId: client.id,
          consultantId: consultant.user.id,
          startsAt: '2027-02-02T15:00:00Z',
          mode: 'phone',
        })
        .expect(201);
      const csv = await exportOf(admin, '/api/consultations/export.csv');
      expect(csv.header).toEqual([
        'Date',
        'Start',
        'End',
        'Client',
        'Client email',
        'Client phone',
        'Type',
        'Consultant',
        'Mode',
        'Status',
        'Language',
        'Urgent',
        'Topic',
      ]);
      // 15:00 UTC is 10:00 in Toronto.
      expect(csv.records).toContainEqual(
        expect.objectContaining({
          Date: '2027-02-02',
          Start: '10:00',
          End: '10:30',
          Client: 'Ravi Patel',
          Type: 'Work permit assessment',
          Consultant: 'Chloé Bergeron',
          Mode: 'Phone',
          Status: 'Booked',
          Language: 'English',
          Urgent: 'No',
        }),
      );
      const fr = await exportOf(admin, '/api/consultations/export.csv?lang=fr&status=booked');
      expect(fr.records[0]).toMatchObject({
        Type: 'Évaluation de permis de travail',
        Mode: 'Téléphone',
        Statut: 'Réservée',
        Langue: 'Anglais',
      });
      const none = await exportOf(admin, '/api/consultations/export.csv?status=cancelled');
      expect(none.rows).toEqual([]);
      // Another consultant sees none of Chloé's consultations.
      expect((await exportOf(other, '/api/consultations/export.csv')).rows).toEqual([]);
      await t.http().get('/api/consultations/export.csv').expect(401);
      await admin.get('/api/consultations/export.csv?status=nope').expect(400);
      expect((await exportEvents('consultations.exported')).at(-1)).toMatchObject({
        actor_id: other.user.id,
        changes: { resource: 'consultations', rows: 0, completed: true },
      });
    });
  });
});
