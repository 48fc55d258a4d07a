import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, currentRequestOrigin } from '@app/audit';
import { UsersService, type StaffUser } from '@app/auth';
import { DocumentsService } from '@app/documents';
import { Clock, sha256Hex, ValidationFailedError, type StaffScope } from '@app/shared';
import { WorkPermitFilesService } from '@app/work-permits';
import { AgreementError, AgreementErrorCode } from './agreements.errors';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';
import { AgreementEntity, AgreementStatus } from './entities/agreement.entity';
import { renderAgreementPdf } from './rules/agreement-pdf';
import { typedNameMatches } from './rules/merge-fields';

export const AGREEMENT_DOCUMENT_KIND = 'service_agreement';

export interface ClientSignature {
  typedName: string;
  consent: boolean;
  ip: string | null;
  userAgent: string | null;
}

/**
 * The two signatures of a sent agreement: the client's, typed in the portal, then the consultant's countersignature,
 * which renders the signed PDF and stores it encrypted as a document of the file. Each is audited in its own
 * transaction.
 */
@Injectable()
export class AgreementSignaturesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agreements: AgreementsService,
    private readonly repository: AgreementsRepository,
    private readonly files: WorkPermitFilesService,
    private readonly users: UsersService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The agreement as the portal shows it to its client: sent or later, and only if it is theirs (404 otherwise). */
  async getForClient(clientId: string, id: string): Promise<AgreementEntity> {
    const agreement = await this.repository.findForClient(clientId, id);
    if (!agreement) {
      throw AgreementError.notFound();
    }
    return agreement;
  }

  /**
   * The client's signature from the portal: the typed name must be their full name (case and accents aside) and
   * consent given; records the UTC time, address and user agent. Only a sent agreement of this client is signed.
   */
  async signAsClient(clientId: string, id: string, signature: ClientSignature): Promise<AgreementEntity> {
    if (signature.consent !== true) {
      throw ValidationFailedError.field('consent', 'consent must be true to sign the agreement');
    }
    await this.dataSource.transaction(async (manager) => {
      const agreement = await this.repository.findForClient(clientId, id, manager, true);
      if (!agreement) {
        throw AgreementError.notFound();
      }
      if (agreement.status !== AgreementStatus.Sent) {
        throw new AgreementError(
          AgreementErrorCode.InvalidState,
          agreement.status === AgreementStatus.Superseded
            ? 'This version was replaced by a newer one; sign the newer version'
            : 'This agreement is already signed',
        );
      }
      const client = await this.agreements.requireClient(clientId, manager);
      if (!typedNameMatches(signature.typedName, `${client.firstName} ${client.lastName}`)) {
        throw ValidationFailedError.field(
          'typedName',
          'typedName must be your full name as it appears in the agreement',
        );
      }
      await this.repository.update(manager, agreement.id, {
        status: AgreementStatus.ClientSigned,
        clientSignedAt: this.clock.now(),
        clientTypedName: signature.typedName.trim(),
        clientIp: signature.ip,
        clientUserAgent: signature.userAgent?.slice(0, 500) ?? null,
      });
      // The client signed in the portal: the event names them as its actor.
      await this.audit.record(manager, {
        actorId: null,
        actorClientId: clientId,
        action: 'agreement.client_signed',
        subjectType: 'agreement',
        subjectId: agreement.id,
        fileId: agreement.fileId,
        clientId,
        changes: { version: agreement.version, status: [AgreementStatus.Sent, AgreementStatus.ClientSigned] },
      });
    });
    return this.agreements.requireById(id);
  }

  /**
   * The consultant's countersignature (the file's consultant, or an admin): renders the PDF (text, then the
   * signature page), stores it encrypted as a document of the file, and marks the agreement signed, all or nothing.
   */
  async countersign(id: string, actor: StaffUser, scope: StaffScope): Promise<AgreementEntity> {
    const agreement = await this.agreements.requireVisible(id, scope);
    if (agreement.status !== AgreementStatus.ClientSigned) {
      throw this.notCountersignable(agreement);
    }
    const file = await this.files.requireVisible(agreement.fileId, scope);
    const signer = await this.users.require(actor.id);
    const origin = currentRequestOrigin();
    const now = this.clock.now();
    const pdf = await renderAgreementPdf({
      language: agreement.language,
      title: agreement.language === 'fr' ? 'Convention de service' : 'Service agreement',
      fileNumber: file.fileNumber,
      version: agreement.version,
      body: agreement.body,
      bodySha256: agreement.bodySha256,
      signers: [
        {
          role: agreement.language === 'fr' ? 'Client' : 'Client',
          name: agreement.clientTypedName ?? '',
          signedAt: agreement.clientSignedAt as Date,
          ip: agreement.clientIp,
          userAgent: agreement.clientUserAgent,
        },
        {
          role:
            agreement.language === 'fr' ? 'Consultant (contresignature)' : 'Consultant (countersignature)',
          name: signer.name,
          detail: signer.rcicLicenceNumber ? `CICC ${signer.rcicLicenceNumber}` : undefined,
          signedAt: now,
          ip: origin?.ipAddress ?? null,
          userAgent: origin?.userAgent ?? null,
        },
      ],
    });
    const pdfSha256 = sha256Hex(pdf);
    const stored = await this.documents.storeContent(Readable.from([pdf]));
    try {
      await this.dataSource.transaction(async (manager) => {
        const locked = await this.agreements.lockVisible(manager, id, scope);
        if (locked.status !== AgreementStatus.ClientSigned) {
          throw this.notCountersignable(locked);
        }
        const name = `${file.fileNumber}-service-agreement-v${agreement.version}.pdf`;
        const document = await this.documents.recordGenerated(
          manager,
          file,
          stored,
          {
            kind: AGREEMENT_DOCUMENT_KIND,
            title: `${agreement.language === 'fr' ? 'Convention de service signée' : 'Signed service agreement'} v${agreement.version}`,
            originalName: name,
          },
          actor.id,
        );
        await this.repository.update(manager, locked.id, {
          status: AgreementStatus.Signed,
          countersignedAt: now,
          countersignedById: actor.id,
          countersignerName: signer.name,
          countersignerLicence: signer.rcicLicenceNumber,
          countersignerIp: origin?.ipAddress ?? null,
          countersignerUserAgent: origin?.userAgent ?? null,
          documentId: document.id,
          pdfSha256,
        });
        await this.agreements.record(manager, actor.id, file, locked.id, 'agreement.countersigned', {
          version: locked.version,
          status: [AgreementStatus.ClientSigned, AgreementStatus.Signed],
          documentId: document.id,
          pdfSha256,
        });
      });
    } catch (error) {
      await this.documents.discard(stored);
      throw error;
    }
    return this.agreements.requireById(id);
  }

  private notCountersignable(agreement: AgreementEntity): AgreementError {
    return new AgreementError(
      AgreementErrorCode.InvalidState,
      agreement.status === AgreementStatus.Signed
        ? 'This agreement is already countersigned'
        : `Only an agreement the client has signed can be countersigned; this one is ${agreement.status}`,
    );
  }
}
