// Messages between a client and the firm on a file: staff side (/api/files/:id/messages, the files list's unread
// counts, the inbox) and portal side (/api/portal/files/:id/messages, the portal's unread counts).
import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { pdf } from '../support/documents';
import { signInToPortal, type PortalClient } from '../support/portal';
import { SmtpSink, waitFor, type ReceivedEmail } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

type Portal = PortalClient<{ id: string; email: string | null }>;

const SECRET_TEXT = 'My passport number is ZX-MESSAGE-SECRET-4471';

describe('messages between the client and the firm', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let assistant: SignedInClient;
  let consultant: SignedInClient;
  let otherConsultant: SignedInClient;

  /** A client of `consultant` signed in to the portal, with a file. */
  async function clientWithFile(language = PreferredLanguage.En) {
    const client = await t.given.client({ consultantId: consultant.user.id, preferredLanguage: language });
    const file = await t.given.file({ clientId: client.id, consultantId: consultant.user.id });
    const portal: Portal = await signInToPortal(t, sink, admin, client);
    return { client, file, portal };
  }

  const mailsTo = (email: string) => sink.received.filter((m) => m.to.includes(email));
  async function nextMailTo(email: string, before: number): Promise<ReceivedEmail> {
    return waitFor(() => mailsTo(email)[before], 10_000, `an email to ${email}`);
  }

  const unreadInList = async (staff: SignedInClient, fileId: string): Promise<number> => {
    const { body } = await staff.get('/api/files?limit=200').expect(200);
    return (body.items as { id: string; unreadMessages: number }[]).find((f) => f.id === fileId)!
      .unreadMessages;
  };
  const unreadInPortal = async (portal: Portal, fileId: string): Promise<number> => {
    const { body } = await portal.get('/api/portal/files').expect(200);
    return (body.items as { id: string; unreadMessages: number }[]).find((f) => f.id === fileId)!
      .unreadMessages;
  };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      env: { SMTP_URL: sink.url, PUBLIC_RATE_LIMIT: '10000', TRUST_PROXY: 'loopback' },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    assistant = await t.signedInAs(StaffRole.Assistant, { name: 'Alex Assistant' });
    consultant = await t.signedInAs(StaffRole.Consultant, { name: 'Jean Dupuis' });
    otherConsultant = await t.signedInAs(StaffRole.Consultant);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('carries a message from staff to the client and a reply back, each side told by email without the text', async () => {
    const { client, file, portal } = await clientWithFile();
    const before = mailsTo(client.email!).length;
    const sent = await consultant
      .post(`/api/files/${file.id}/messages`)
      .send({ body: `  ${SECRET_TEXT}  ` })
      .expect(201);
    expect(sent.body).toMatchObject({
      fileId: file.id,
      from: 'staff',
      author: { id: consultant.user.id, name: 'Jean Dupuis' },
      body: SECRET_TEXT,
      attachments: [],
    });

    const notice = await nextMailTo(client.email!, before);
    expect(notice.subject).toBe(`You have a new message about your file ${file.fileNumber}`);
    expect(notice.text).toContain(`/portal/files/${file.id}`);
    expect(notice.text).not.toContain('ZX-MESSAGE-SECRET');
    expect(notice.html).not.toContain('ZX-MESSAGE-SECRET');

    const thread = await portal.get(`/api/portal/files/${file.id}/messages`).expect(200);
    expect(thread.body.items).toEqual([
      {
        id: sent.body.id,
        fileId: file.id,
        fromClient: false,
        authorName: 'Jean Dupuis',
        body: SECRET_TEXT,
        attachments: [],
        createdAt: sent.body.createdAt,
      },
    ]);

    const consultantMails = mailsTo(consultant.user.email).length;
    const reply = await portal
      .post(`/api/portal/files/${file.id}/messages`)
      .send({ body: 'Thank you, booked for Tuesday.' })
      .expect(201);
    expect(reply.body).toMatchObject({
      fromClient: true,
      authorName: `${client.firstName} ${client.lastName}`,
    });
    const staffNotice = await nextMailTo(consultant.user.email, consultantMails);
    expect(staffNotice.subject).toContain(file.fileNumber);
    expect(staffNotice.text).not.toContain('booked for Tuesday');
    expect(staffNotice.text).toContain(`/admin/files/${file.id}`);

    const staffThread = await consultant.get(`/api/files/${file.id}/messages`).expect(200);
    expect(staffThread.body.items.map((m: { body: string; from: string }) => [m.from, m.body])).toEqual([
      ['client', 'Thank you, booked for Tuesday.'],
      ['staff', SECRET_TEXT],
    ]);
    expect(staffThread.body.items[0].author).toEqual({
      id: client.id,
      name: `${client.firstName} ${client.lastName}`,
    });
  });

  it('writes the notice in the client’s language and shows other staff as the firm', async () => {
    await admin.put('/api/firm-profile').send({ name: 'Cabinet Laurier' }).expect(200);
    const { client, file, portal } = await clientWithFile(PreferredLanguage.Fr);
    const before = mailsTo(client.email!).length;
    await assistant
      .post(`/api/files/${file.id}/messages`)
      .send({ body: 'Bonjour, un document manque.' })
      .expect(201);
    const notice = await nextMailTo(client.email!, before);
    expect(notice.subject).toBe(`Vous avez un nouveau message concernant votre dossier ${file.fileNumber}`);
    expect(notice.text).not.toContain('un document manque');
    const { body } = await portal.get(`/api/portal/files/${file.id}/messages`).expect(200);
    expect(body.items[0].authorName).toBe('Cabinet Laurier');
  });

  it('sends no notice to a client who has no portal account', async () => {
    const client = await t.given.client({ consultantId: consultant.user.id });
    const file = await t.given.file({ clientId: client.id, consultantId: consultant.user.id });
    await consultant.post(`/api/files/${file.id}/messages`).send({ body: 'Hello' }).expect(201);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM emails WHERE kind = 'message_notice' AND "to" = $1`,
      [client.email],
    );
    expect(count).toBe(0);
  });

  it('stores the body encrypted and keeps it out of the audit trail', async () => {
    const { file } = await clientWithFile();
    const { body } = await consultant
      .post(`/api/files/${file.id}/messages`)
      .send({ body: SECRET_TEXT })
      .expect(201);
    const [row] = await t.dataSource.query(`SELECT body_encrypted FROM file_messages WHERE id = $1`, [
      body.id,
    ]);
    expect(row.body_encrypted).toMatch(/^v2\./);
    expect(row.body_encrypted).not.toContain('ZX-MESSAGE-SECRET');
    const events = await t.dataSource.query(
      `SELECT action, actor_id, changes::text AS changes FROM audit_events WHERE subject_id = $1`,
      [body.id],
    );
    expect(events).toEqual([
      { action: 'message.sent', actor_id: consultant.user.id, changes: expect.any(String) },
    ]);
    expect(events[0].changes).not.toContain('ZX-MESSAGE-SECRET');
  });

  it('counts unread messages for staff in the files list and for the client in the portal, up and down', async () => {
    const { file, portal } = await clientWithFile();
    expect(await unreadInList(consultant, file.id)).toBe(0);
    await portal.post(`/api/portal/files/${file.id}/messages`).send({ body: 'One' }).expect(201);
    await portal.post(`/api/portal/files/${file.id}/messages`).send({ body: 'Two' }).expect(201);
    expect(await unreadInList(consultant, file.id)).toBe(2);
    expect(await unreadInList(admin, file.id)).toBe(2);
    expect((await consultant.get(`/api/files/${file.id}`).expect(200)).body.unreadMessages).toBe(2);
    // The client's own messages are not unread for them.
    expect(await unreadInPortal(portal, file.id)).toBe(0);

    await consultant.get(`/api/files/${file.id}/messages`).expect(200);
    expect(await unreadInList(consultant, file.id)).toBe(0);
    // Read markers are per staff member.
    expect(await unreadInList(admin, file.id)).toBe(2);

    await consultant.post(`/api/files/${file.id}/messages`).send({ body: 'Three' }).expect(201);
    expect(await unreadInPortal(portal, file.id)).toBe(1);
    expect((await portal.get(`/api/portal/files/${file.id}`).expect(200)).body.unreadMessages).toBe(1);
    await portal.get(`/api/portal/files/${file.id}/messages`).expect(200);
    expect(await unreadInPortal(portal, file.id)).toBe(0);
    expect(await unreadInList(consultant, file.id)).toBe(0);

    // Writing is not reading: a client message the consultant has not opened stays unread when they write.
    await portal.post(`/api/portal/files/${file.id}/messages`).send({ body: 'Four' }).expect(201);
    await consultant.post(`/api/files/${file.id}/messages`).send({ body: 'Five' }).expect(201);
    expect(await unreadInList(consultant, file.id)).toBe(1);
  });

  it('reads the unread counts of a page of files in the same statements however many files it holds', async () => {
    const { file } = await clientWithFile();
    const statementsFor = async (limit: number): Promise<number> => {
      const spy = jest.spyOn(t.dataSource.logger, 'logQuery');
      try {
        const { body } = await admin.get(`/api/files?limit=${limit}`).expect(200);
        expect(body.items.length).toBe(limit);
        return spy.mock.calls.filter(([sql]) => String(sql).includes('file_message')).length;
      } finally {
        spy.mockRestore();
      }
    };
    await t.given.file({ consultantId: consultant.user.id });
    expect(file.id).toBeDefined();
    expect(await statementsFor(1)).toBe(1);
    expect(await statementsFor(3)).toBe(1);
  });

  it('keeps a consultant to their files and a client to theirs (404)', async () => {
    const { file, portal } = await clientWithFile();
    const other = await clientWithFile();
    await otherConsultant.get(`/api/files/${file.id}/messages`).expect(404);
    await otherConsultant.post(`/api/files/${file.id}/messages`).send({ body: 'x' }).expect(404);
    await assistant.get(`/api/files/${file.id}/messages`).expect(200);
    const res = await portal.get(`/api/portal/files/${other.file.id}/messages`).expect(404);
    expect(res.body.code).toBe('PORTAL_FILE_NOT_FOUND');
    await portal.post(`/api/portal/files/${other.file.id}/messages`).send({ body: 'x' }).expect(404);
    // A staff token does not reach the portal route, nor a portal token a staff route.
    await consultant.get(`/api/portal/files/${file.id}/messages`).expect(401);
    await t
      .http()
      .get(`/api/files/${file.id}/messages`)
      .set('Authorization', `Bearer ${portal.bearer}`)
      .expect(401);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM file_messages WHERE file_id = $1`,
      [other.file.id],
    );
    expect(count).toBe(0);
  });

  it('refuses an empty or too long body and foreign attachments with 400 naming the field', async () => {
    const { file, portal } = await clientWithFile();
    for (const body of [{}, { body: '   ' }, { body: 'x'.repeat(5001) }, { body: 42 }]) {
      const res = await consultant.post(`/api/files/${file.id}/messages`).send(body).expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['body']);
      const fromPortal = await portal.post(`/api/portal/files/${file.id}/messages`).send(body).expect(400);
      expect(Object.keys(fromPortal.body.fields)).toEqual(['body']);
    }
    await consultant
      .post(`/api/files/${file.id}/messages`)
      .send({ body: 'x'.repeat(5000) })
      .expect(201);

    const elsewhere = await t.given.file({ consultantId: consultant.user.id });
    const foreign = await consultant
      .post(`/api/files/${elsewhere.id}/documents`)
      .field('kind', 'other')
      .attach('file', pdf(2_000, 'foreign'), 'foreign.pdf')
      .expect(201);
    for (const documentIds of [
      [foreign.body.document.id],
      ['not-a-uuid'],
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await consultant
        .post(`/api/files/${file.id}/messages`)
        .send({ body: 'See attached', documentIds })
        .expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['documentIds']);
    }
  });

  it('sends documents of the file with a message; the client attaches only their own uploads', async () => {
    const { file, portal } = await clientWithFile();
    const staffDoc = await consultant
      .post(`/api/files/${file.id}/documents`)
      .field('kind', 'other')
      .field('title', 'Checklist')
      .attach('file', pdf(2_000, 'staffdoc'), 'checklist.pdf')
      .expect(201);
    const sent = await consultant
      .post(`/api/files/${file.id}/messages`)
      .send({ body: 'Here is your checklist', documentIds: [staffDoc.body.document.id] })
      .expect(201);
    expect(sent.body.attachments).toEqual([
      {
        id: staffDoc.body.document.id,
        title: 'Checklist',
        originalName: 'checklist.pdf',
        contentType: 'application/pdf',
        size: expect.any(Number),
      },
    ]);
    const clientDoc = await portal
      .post(`/api/portal/files/${file.id}/documents`)
      .field('kind', 'other')
      .attach('file', pdf(2_000, 'clientdoc'), 'mine.pdf')
      .expect(201);
    const refused = await portal
      .post(`/api/portal/files/${file.id}/messages`)
      .send({ body: 'Attaching yours', documentIds: [staffDoc.body.document.id] })
      .expect(400);
    expect(Object.keys(refused.body.fields)).toEqual(['documentIds']);
    const reply = await portal
      .post(`/api/portal/files/${file.id}/messages`)
      .send({ body: 'Signed copy attached', documentIds: [clientDoc.body.document.id] })
      .expect(201);
    expect(reply.body.attachments.map((a: { id: string }) => a.id)).toEqual([clientDoc.body.document.id]);
    const { body } = await portal.get(`/api/portal/files/${file.id}/messages`).expect(200);
    expect(body.items[1].attachments.map((a: { id: string }) => a.id)).toEqual([staffDoc.body.document.id]);
  });

  it('pages a thread newest first with a cursor back to older messages', async () => {
    const { file, portal } = await clientWithFile();
    for (let i = 1; i <= 5; i++) {
      await consultant
        .post(`/api/files/${file.id}/messages`)
        .send({ body: `Message ${i}` })
        .expect(201);
    }
    const bodies: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await portal.get(`/api/portal/files/${file.id}/messages${query}`).expect(200);
      bodies.push(...res.body.items.map((m: { body: string }) => m.body));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(bodies).toEqual(['Message 5', 'Message 4', 'Message 3', 'Message 2', 'Message 1']);
    const bad = await consultant.get(`/api/files/${file.id}/messages?cursor=nope`).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['cursor']);
  });

  it('lists files with unread client messages in the inbox, newest first, paginated and scoped', async () => {
    const first = await clientWithFile();
    const second = await clientWithFile();
    const theirs = await t.given.client({ consultantId: otherConsultant.user.id });
    const theirFile = await t.given.file({ clientId: theirs.id, consultantId: otherConsultant.user.id });
    const theirPortal: Portal = await signInToPortal(t, sink, admin, theirs);

    // Everything read so far: start from an empty inbox for the consultant.
    for (const item of (await consultant.get('/api/messages/inbox?limit=200').expect(200)).body.items) {
      await consultant.get(`/api/files/${item.fileId}/messages`).expect(200);
    }
    await first.portal.post(`/api/portal/files/${first.file.id}/messages`).send({ body: 'a' }).expect(201);
    await second.portal.post(`/api/portal/files/${second.file.id}/messages`).send({ body: 'b' }).expect(201);
    await second.portal.post(`/api/portal/files/${second.file.id}/messages`).send({ body: 'c' }).expect(201);
    await theirPortal.post(`/api/portal/files/${theirFile.id}/messages`).send({ body: 'd' }).expect(201);

    const page1 = await consultant.get('/api/messages/inbox?limit=1').expect(200);
    expect(page1.body.items).toEqual([
      expect.objectContaining({
        fileId: second.file.id,
        fileNumber: second.file.fileNumber,
        unreadMessages: 2,
      }),
    ]);
    const page2 = await consultant
      .get(`/api/messages/inbox?limit=1&cursor=${page1.body.nextCursor}`)
      .expect(200);
    expect(page2.body.items).toEqual([expect.objectContaining({ fileId: first.file.id, unreadMessages: 1 })]);
    expect(page2.body.nextCursor).toBeNull();

    const adminInbox = (await admin.get('/api/messages/inbox?limit=200').expect(200)).body.items as {
      fileId: string;
    }[];
    expect(adminInbox.map((i) => i.fileId)).toEqual(expect.arrayContaining([theirFile.id, first.file.id]));

    await consultant.get(`/api/files/${second.file.id}/messages`).expect(200);
    const after = await consultant.get('/api/messages/inbox').expect(200);
    expect(after.body.items.map((i: { fileId: string }) => i.fileId)).toEqual([first.file.id]);
  });
});
