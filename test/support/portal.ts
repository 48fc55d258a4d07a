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

const SIGN_IN_LINK = /https?:\/\/[^\s]+\/portal\/sign-in\?token=([A-Za-z0-9_-]{43})/;

/**
 * Staff invite a client to the portal and the invite email's one-time token is read from the SMTP sink. The first
 * new email to the client that carries a sign-in link is the invite: another email (an agreement to sign, a
 * message notice) may arrive in between.
 */
export async function portalInviteToken(
  sink: SmtpSink,
  inviter: SignedInClient,
  client: { id: string; email: string | null },
): Promise<string> {
  const mailsTo = () => sink.received.filter((m) => m.to.includes(client.email!));
  const before = mailsTo().length;
  await inviter.post(`/api/clients/${client.id}/portal-invite`).expect(200);
  const token = await waitFor(
    () =>
      mailsTo()
        .slice(before)
        .map((mail) => SIGN_IN_LINK.exec(mail.text)?.[1])
        .find(Boolean),
    10_000,
    'the portal invite',
  );
  return token;
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
  const token = await portalInviteToken(sink, inviter, client);
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
