import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgreementSignaturesService, AgreementsService, PriorRepresentation } from '@app/agreements';
import type { StaffUser } from '@app/auth';
import type { ClientEntity } from '@app/clients';
import { DocumentReviewsService, DocumentsService, FileChecklistsService } from '@app/documents';
import { IntakeService } from '@app/intake';
import { PortalAuthService } from '@app/portal';
import { ALL_RECORDS, Clock } from '@app/shared';
import { FileStatus, WorkPermitFilesService } from '@app/work-permits';

/** The demo client whose file the demo portal shows mid-way (the first demo client). */
export const DEMO_PORTAL_CLIENT_EMAIL = 'priya.sharma@example.com';

export const DEMO_REFUSAL_REASON =
  'The scan is cut off at the bottom: send all four corners of the page, in colour.';

const DEMO_TERMS = {
  servicesDescription:
    '- Assess eligibility and advise on the work permit application\n' +
    '- Prepare the forms and the supporting documents\n' +
    '- Submit the application to IRCC and follow it up to the decision',
  professionalFees: 'A flat fee of $2,400 CAD plus applicable tax, for the services above.',
  irccFees: 'IRCC work permit processing fee ($155 CAD) and biometrics fee ($85 CAD), paid at cost.',
  paymentSchedule: '50% on signing this agreement, 50% before the application is submitted.',
};

/** A small PDF standing in for a scan the client sent. */
function scannedPdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n` +
      `3 0 obj << /Title (${title}) >> endobj\ntrailer << /Root 1 0 R /Info 3 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/**
 * The demo client's portal: an invited account, a service agreement she signed and her consultant countersigned
 * (its PDF stored as a document), and documents she sent (one accepted, one refused with a reason), all through
 * the real services; and, at each demo start, a fresh one-time sign-in link to try the portal as her.
 */
@Injectable()
export class DemoPortalClientService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly portalAuth: PortalAuthService,
    private readonly agreements: AgreementsService,
    private readonly signatures: AgreementSignaturesService,
    private readonly files: WorkPermitFilesService,
    private readonly documents: DocumentsService,
    private readonly reviews: DocumentReviewsService,
    private readonly checklists: FileChecklistsService,
    private readonly intake: IntakeService,
    private readonly clock: Clock,
  ) {}

  async prepare(
    client: ClientEntity,
    fileId: string,
    admin: StaffUser,
    consultant: StaffUser,
  ): Promise<void> {
    await this.portalAuth.invite(client.id, admin);
    await this.agreements.recordPreconditions(
      fileId,
      {
        identityMethod: 'Video call with passport',
        identityConfirmedAt: new Date(this.clock.now().getTime() - 2 * 86_400_000),
        homeAddress: '2150 Main Street, Apt 4\nVancouver BC V5T 3C7',
        phone: client.phone,
        email: client.email,
        businessContact: null,
        priorRepresentation: PriorRepresentation.None,
        priorRepresentationNotes: null,
      },
      consultant,
      ALL_RECORDS,
    );
    const draft = await this.agreements.draft(fileId, DEMO_TERMS, consultant, ALL_RECORDS);
    await this.agreements.send(draft.id, consultant, ALL_RECORDS);
    await this.signatures.signAsClient(client.id, draft.id, {
      typedName: `${client.firstName} ${client.lastName}`,
      consent: true,
      ip: null,
      userAgent: 'PermitDesk demo data',
    });
    await this.signatures.countersign(draft.id, consultant, ALL_RECORDS);
    await this.files.transition(fileId, FileStatus.Preparing, consultant, ALL_RECORDS);

    const file = await this.files.requireVisible(fileId, ALL_RECORDS);
    const checklist = await this.checklists.checklistOfFile(file);
    const [accepted, refused] = checklist.items.filter((item) => item.required && !item.custom);
    for (const [item, review] of [
      [accepted, { status: 'accepted' as const }],
      [refused, { status: 'rejected' as const, reason: DEMO_REFUSAL_REASON }],
    ] as const) {
      const stored = await this.documents.storeContent(Readable.from([scannedPdf(item.title)]));
      const { document } = await this.documents.recordUpload(
        file,
        stored,
        { kind: item.key, title: null, issuedOn: null, expiresOn: null, originalName: `${item.key}.pdf` },
        { clientId: client.id },
      );
      await this.reviews.review(document.id, review, consultant, ALL_RECORDS);
    }

    // Mid-way through the intake questionnaire: the personal details saved, the passport step next.
    await this.intake.saveDraft(client.id, fileId, {
      familyName: client.lastName,
      givenNames: client.firstName,
      usedOtherNames: false,
      sex: 'F',
      dateOfBirth: '1994-03-18',
      cityOfBirth: 'Pune',
      countryOfBirth: 'IN',
      citizenship: 'IN',
      countryOfResidence: 'CA',
      maritalStatus: 'single',
    });
  }

  /** A fresh one-time portal sign-in link for the demo client; null when there is none (not a demo database). */
  async signInLink(): Promise<{ clientName: string; url: string } | null> {
    // The demo client is found by the address the demo data gives her.
    const rows: { id: string; first_name: string; last_name: string }[] = await this.dataSource.query(
      'SELECT id, first_name, last_name FROM clients WHERE lower(email) = $1 AND archived_at IS NULL',
      [DEMO_PORTAL_CLIENT_EMAIL],
    );
    if (rows.length === 0) {
      return null;
    }
    const url = await this.portalAuth.demoSignInLink(rows[0].id);
    return url ? { clientName: `${rows[0].first_name} ${rows[0].last_name}`, url } : null;
  }
}
