import { type StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { SmtpSink } from '../support/smtp-sink';
import type { SignedInClient } from '../support/test-app';
import { portalLink, startHarness, type BrowserHarness } from './browser';

/**
 * Where the portal's browser specs start: the app with an SMTP sink, one staff member, and Zoé Côté (French, a
 * client of that staff member) with a file. Nothing is sent to her yet: `invitedLink()` invites her and answers
 * the emailed sign-in link.
 */
export interface PortalScene {
  h: BrowserHarness;
  sink: SmtpSink;
  staff: SignedInClient;
  client: { id: string; email: string };
  file: { id: string; fileNumber: string };
  invitedLink(): Promise<string>;
  close(): Promise<void>;
}

export async function startPortalScene(staff: { role: StaffRole; name: string }): Promise<PortalScene> {
  const sink = await new SmtpSink().start();
  let h: BrowserHarness;
  try {
    h = await startHarness({ env: { SMTP_URL: sink.url, PUBLIC_RATE_LIMIT: '10000' } });
  } catch (error) {
    await sink.close();
    throw error;
  }
  const member = await h.test.signedInAs(staff.role, { name: staff.name });
  const zoe = await h.test.given.client({
    firstName: 'Zoé',
    lastName: 'Côté',
    preferredLanguage: PreferredLanguage.Fr,
    consultantId: member.user.id,
  });
  const client = { id: zoe.id, email: zoe.email as string };
  const file = await h.test.given.file({ clientId: client.id, consultantId: member.user.id });
  return {
    h,
    sink,
    staff: member,
    client,
    file: { id: file.id, fileNumber: file.fileNumber },
    invitedLink: () => portalLink(h, sink, member, client),
    async close() {
      await h.close();
      await sink.close();
    },
  };
}
