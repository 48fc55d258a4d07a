import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { scopeOfStaff, type StaffUser } from '@app/auth';
import { ClientError, ClientErrorCode, ClientsService } from '@app/clients';
import { AppConfig } from '@app/config';
import { FirmProfileService } from '@app/firm';
import { MailService, portalInviteEmail, portalSignInLinkEmail } from '@app/notifications';
import { Clock, ValidationFailedError } from '@app/shared';
import {
  PortalAuthRepository,
  type PortalAccountStatus,
  type PortalSignInClient,
} from './portal-auth.repository';
import { PortalError, PortalErrorCode } from './portal.errors';
import {
  hashPortalToken,
  isWellFormedPortalToken,
  newPortalToken,
  sessionCutoffs,
  SIGN_IN_LINK_MS,
  signInUrl,
} from './rules/portal-tokens';

export type { PortalAccountStatus };

/** What a verified link gives: the portal session's bearer token and who signed in. */
export interface PortalSignIn {
  accessToken: string;
  client: { id: string; firstName: string; preferredLanguage: 'en' | 'fr' };
}

export interface PortalSessionOrigin {
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** The signed-in portal session of a request. */
export interface PortalSession {
  sessionId: string;
  clientId: string;
}

type LinkEmailKind = 'invite' | 'sign-in';

/**
 * Client portal sign-in: staff invite a client (an account and a first link), clients ask for links by email,
 * a link is exchanged once for a server-side session, and sessions end on sign-out, after inactivity or at their
 * maximum age. Tokens are random; only their SHA-256 is stored, and the link's token only ever leaves in the email.
 */
@Injectable()
export class PortalAuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PortalAuthRepository,
    private readonly clients: ClientsService,
    private readonly mail: MailService,
    private readonly firm: FirmProfileService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Staff invite a client they may see (else CLIENT_NOT_FOUND): the client needs an email (400 naming `email`) and
   * must be active (CLIENT_ARCHIVED). Creates or refreshes the account and emails a new link (older ones void).
   */
  async invite(clientId: string, staff: StaffUser): Promise<PortalAccountStatus> {
    const client = await this.clients.requireVisible(clientId, scopeOfStaff(staff));
    if (client.archivedAt) {
      throw new ClientError(
        ClientErrorCode.Archived,
        'This client is archived; restore them before inviting',
      );
    }
    if (!client.email) {
      throw ValidationFailedError.field('email', 'Add the client’s email before inviting them to the portal');
    }
    const firmName = (await this.firm.current()).name;
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await this.repository.upsertInvited(client.id, staff.id, now, manager);
      const signInClient = await this.repository.lockSignInClient(client.id, manager);
      if (!signInClient) {
        throw new ClientError(
          ClientErrorCode.Archived,
          'This client is archived; restore them before inviting',
        );
      }
      await this.sendLink(manager, signInClient, 'invite', now, firmName);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'portal.invited',
        subjectType: 'client',
        subjectId: client.id,
        clientId: client.id,
        changes: { invitedAt: now.toISOString() },
      });
      const status = await this.repository.findStatus(client.id, manager);
      return status as PortalAccountStatus;
    });
  }

  /** The client's portal account, or null when never invited. For staff who may see the client. */
  status(clientId: string): Promise<PortalAccountStatus | null> {
    return this.repository.findStatus(clientId);
  }

  /**
   * A link asked for on the portal: emailed when an active, invited client has this email; nothing happens
   * otherwise, and the caller answers the same either way (the API adds the equal answer time).
   */
  async requestLink(email: string): Promise<void> {
    const found = await this.repository.findSignInClientByEmail(email.trim());
    if (!found) {
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      const client = await this.repository.lockSignInClient(found.id, manager);
      if (!client) {
        return;
      }
      const now = this.clock.now();
      await this.sendLink(manager, client, 'sign-in', now, null);
      await this.audit.record(manager, {
        actorId: null,
        actorClientId: client.id,
        action: 'portal.link_requested',
        subjectType: 'client',
        subjectId: client.id,
        clientId: client.id,
      });
    });
  }

  /**
   * Exchanges a link's token for a portal session, once. Refusals name why: PORTAL_LINK_EXPIRED, PORTAL_LINK_USED,
   * PORTAL_LINK_REPLACED (a newer link was sent), PORTAL_LINK_INVALID (no such link, or the client is archived).
   */
  async verify(token: string, origin: PortalSessionOrigin = {}): Promise<PortalSignIn> {
    if (!isWellFormedPortalToken(token)) {
      throw invalidLink();
    }
    const tokenHash = hashPortalToken(token);
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const clientId = await this.repository.consumeLink(tokenHash, now, manager);
      if (!clientId) {
        throw await this.whyRefused(tokenHash, now, manager);
      }
      const client = await this.repository.lockSignInClient(clientId, manager);
      if (!client) {
        throw invalidLink();
      }
      const accessToken = newPortalToken();
      const sessionId = randomUUID();
      await this.repository.insertSession(
        {
          id: sessionId,
          clientId,
          tokenHash: hashPortalToken(accessToken),
          at: now,
          ipAddress: origin.ipAddress ?? null,
          userAgent: origin.userAgent?.slice(0, 500) ?? null,
        },
        manager,
      );
      await this.repository.recordSignIn(clientId, now, manager);
      await this.audit.record(manager, {
        actorId: null,
        actorClientId: clientId,
        action: 'portal.signed_in',
        subjectType: 'portal_session',
        subjectId: sessionId,
        clientId,
      });
      return {
        accessToken,
        client: { id: client.id, firstName: client.firstName, preferredLanguage: client.preferredLanguage },
      };
    });
  }

  /** The open session a bearer token names (marked seen now), or null: unknown, ended, idle too long or too old. */
  async authenticate(token: string): Promise<PortalSession | null> {
    if (!isWellFormedPortalToken(token)) {
      return null;
    }
    const now = this.clock.now();
    return this.repository.touchOpenSession(
      hashPortalToken(token),
      now,
      sessionCutoffs(now, this.config.portal),
    );
  }

  /** Ends the session; its token is refused from the next request on. */
  async signOut(session: PortalSession): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ended = await this.repository.endSession(
        session.sessionId,
        session.clientId,
        this.clock.now(),
        manager,
      );
      if (ended) {
        await this.audit.record(manager, {
          actorId: null,
          actorClientId: session.clientId,
          action: 'portal.signed_out',
          subjectType: 'portal_session',
          subjectId: session.sessionId,
          clientId: session.clientId,
        });
      }
    });
  }

  /**
   * The demo client's sign-in link, printed by `npm start` in demo mode instead of emailed: a fresh one-time link
   * like any other (older ones void, 15 minutes, single use). Never in production; null when the client has no
   * portal account.
   */
  async demoSignInLink(clientId: string): Promise<string | null> {
    if (this.config.isProduction) {
      throw new Error('Demo sign-in links are never issued in production');
    }
    return this.dataSource.transaction(async (manager) => {
      const client = await this.repository.lockSignInClient(clientId, manager);
      if (!client) {
        return null;
      }
      const { token, linkId } = await this.issueLink(manager, client.id, this.clock.now());
      await this.audit.record(manager, {
        actorId: null,
        action: 'portal.demo_link_issued',
        subjectType: 'client',
        subjectId: client.id,
        clientId: client.id,
        changes: { linkId },
      });
      return signInUrl(this.config.appUrl, token);
    });
  }

  /** Voids the client's open links and writes a new one; only the token's hash is stored. */
  private async issueLink(
    manager: EntityManager,
    clientId: string,
    now: Date,
  ): Promise<{ token: string; linkId: string }> {
    await this.repository.voidOpenLinks(clientId, now, manager);
    const token = newPortalToken();
    const linkId = randomUUID();
    await this.repository.insertLink(
      {
        id: linkId,
        clientId,
        tokenHash: hashPortalToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MS),
      },
      manager,
    );
    return { token, linkId };
  }

  /** Voids the client's open links, writes a new one and its email (EN/FR) to the outbox, in the caller's transaction. */
  private async sendLink(
    manager: EntityManager,
    client: PortalSignInClient,
    kind: LinkEmailKind,
    now: Date,
    firmName: string | null,
  ): Promise<void> {
    const { token, linkId } = await this.issueLink(manager, client.id, now);
    const view = {
      language: client.preferredLanguage,
      clientName: `${client.firstName} ${client.lastName}`,
      firmName,
      signInUrl: signInUrl(this.config.appUrl, token),
      minutes: SIGN_IN_LINK_MS / 60_000,
    };
    const rendered = kind === 'invite' ? portalInviteEmail(view) : portalSignInLinkEmail(view);
    await this.mail.enqueue(manager, {
      kind: kind === 'invite' ? 'portal-invite' : 'portal-sign-in-link',
      to: client.email,
      ...rendered,
      related: { type: 'portal_sign_in_link', id: linkId },
      idempotencyKey: `portal-link-${linkId}`,
      secret: token,
    });
  }

  private async whyRefused(tokenHash: string, now: Date, manager: EntityManager): Promise<PortalError> {
    const state = await this.repository.findLinkState(tokenHash, manager);
    if (!state) {
      return invalidLink();
    }
    if (state.usedAt) {
      return new PortalError(
        PortalErrorCode.LinkUsed,
        'This sign-in link was already used; ask for a new one',
      );
    }
    if (state.voidedAt) {
      return new PortalError(
        PortalErrorCode.LinkReplaced,
        'A newer sign-in link was sent since; use the link in the latest email',
      );
    }
    if (state.expiresAt.getTime() <= now.getTime()) {
      return new PortalError(PortalErrorCode.LinkExpired, 'This sign-in link has expired; ask for a new one');
    }
    return invalidLink();
  }
}

function invalidLink(): PortalError {
  return new PortalError(PortalErrorCode.LinkInvalid, 'This sign-in link is not valid; ask for a new one');
}
