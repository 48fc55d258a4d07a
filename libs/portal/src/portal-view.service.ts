import { Injectable } from '@nestjs/common';
import { PortalViewRepository } from './portal-view.repository';
import type { PortalConsultation, PortalFileAgreement, PortalFileRecord, PortalMe } from './portal-view-rows';
import { PortalError, PortalErrorCode } from './portal.errors';
import {
  clientDeadlineTitle,
  fileSituation,
  type ClientDeadlineKind,
  type PortalLanguage,
  type WaitingOn,
} from './rules/client-view';

export type { PortalConsultation, PortalFileAgreement, PortalMe };

/** A file as the client sees it: the plain-word status, next step and who it waits on. */
export interface PortalFileView {
  id: string;
  fileNumber: string;
  stream: string;
  applicationType: string;
  status: string;
  statusText: string;
  nextStep: string | null;
  waitingOn: WaitingOn | null;
  consultantName: string | null;
  submittedOn: string | null;
  decisionOn: string | null;
  permitExpiresOn: string | null;
  /** Messages from the firm on the file that the client has not read. */
  unreadMessages: number;
  agreement: PortalFileAgreement | null;
}

export interface PortalDeadlineView {
  id: string;
  kind: ClientDeadlineKind;
  title: string;
  dueOn: string;
}

export interface PortalFileDetail extends PortalFileView {
  deadlines: PortalDeadlineView[];
}

function fileView(file: PortalFileRecord, language: PortalLanguage): PortalFileView {
  const situation = fileSituation(file.status, file, language);
  return {
    id: file.id,
    fileNumber: file.fileNumber,
    stream: file.stream,
    applicationType: file.applicationType,
    status: file.status,
    statusText: situation.status,
    nextStep: situation.nextStep,
    waitingOn: situation.waitingOn,
    consultantName: file.consultantName,
    submittedOn: file.submittedOn,
    decisionOn: file.decisionOn,
    permitExpiresOn: file.permitExpiresOn,
    unreadMessages: file.unreadMessages,
    agreement: file.agreement,
  };
}

/** What a signed-in client sees of their own records; every read is scoped to them in its SQL. */
@Injectable()
export class PortalViewService {
  constructor(private readonly view: PortalViewRepository) {}

  /** The signed-in client (an archived client's session is refused before this). */
  async me(clientId: string): Promise<PortalMe> {
    const me = await this.view.findMe(clientId);
    if (!me) {
      throw new PortalError(PortalErrorCode.FileNotFound, 'Not found');
    }
    return me;
  }

  async files(clientId: string, language: PortalLanguage): Promise<PortalFileView[]> {
    return (await this.view.listFiles(clientId)).map((file) => fileView(file, language));
  }

  /** One of the client's files with the deadlines that concern them; PORTAL_FILE_NOT_FOUND for any other id. */
  async file(clientId: string, fileId: string, language: PortalLanguage): Promise<PortalFileDetail> {
    const file = await this.view.findFile(clientId, fileId);
    if (!file) {
      throw new PortalError(PortalErrorCode.FileNotFound, 'File not found');
    }
    const deadlines = await this.view.listClientDeadlines(clientId, fileId);
    return {
      ...fileView(file, language),
      deadlines: deadlines.map((d) => ({
        id: d.id,
        kind: d.kind as ClientDeadlineKind,
        title: clientDeadlineTitle(d.kind as ClientDeadlineKind, language),
        dueOn: d.dueOn,
      })),
    };
  }

  consultations(clientId: string): Promise<PortalConsultation[]> {
    return this.view.listConsultations(clientId);
  }
}
