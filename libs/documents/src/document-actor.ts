import type { StaffUser } from '@app/auth';

/** The audit events' subject type of a document. */
export const DOCUMENT_SUBJECT_TYPE = 'document';

/** The client acting on their own documents in the client portal. */
export interface PortalClientActor {
  clientId: string;
}

/** Who uploads or reads a document: a staff member, or the client in the portal. */
export type DocumentActor = StaffUser | PortalClientActor;

export function isClientActor(actor: DocumentActor): actor is PortalClientActor {
  return 'clientId' in actor;
}

/** The audit event's actor columns for a document actor. */
export function auditActorOf(actor: DocumentActor): {
  actorId: string | null;
  actorClientId: string | null;
} {
  return isClientActor(actor)
    ? { actorId: null, actorClientId: actor.clientId }
    : { actorId: actor.id, actorClientId: null };
}
