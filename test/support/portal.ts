import type request from 'supertest';
import { waitFor, type SmtpSink } from './smtp-sink';
import type { SignedInClient, TestApp } from './test-app';

/** A client signed in to the portal: their bearer token and requests that carry it. */
export interface PortalClient<C extends { id: string; email: string | null }> {
  client: C;
  bearer: string;
  get: (url: string) => request.Test;
  post: (url: string) => request.Test;
  put: (url: string) => request.Test;
}

/**
 * Signs a client in to the portal the way a client does: staff invite them, the invite email's one-time link is
 * read from the SMTP sink, and the link's token is verified for a session.
 */
export async function signInToPortal<C extends { id: string; email: string | null }>(
  t: TestApp,
  sink: SmtpSink,
  inviter: SignedInClient,
  client: C,
): Promise<PortalClient<C>> {
  const mailsTo = () => sink.received.filter((m) => m.to.includes(client.email!));
  const before = mailsTo().length;
  await inviter.post(`/api/clients/${client.id}/portal-invite`).expect(200);
  const mail = await waitFor(() => mailsTo()[before], 10_000, 'the invite');
  const token = /\/portal\/sign-in\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
  const res = await t.http().post('/api/portal/auth/verify').send({ token }).expect(200);
  const bearer = res.body.accessToken as string;
  const as = (test: request.Test) => test.set('Authorization', `Bearer ${bearer}`);
  return {
    client,
    bearer,
    get: (url) => as(t.http().get(url)),
    post: (url) => as(t.http().post(url)),
    put: (url) => as(t.http().put(url)),
  };
}
