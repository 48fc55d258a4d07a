import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { AgreementsService } from '@app/agreements';
import { AuditService, type TimelineEvent } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { InvoicePdfService, InvoicesService, InvoiceStatus } from '@app/billing';
import { ClientsService } from '@app/clients';
import { DocumentReviewsService, DocumentsService, type DocumentEntity } from '@app/documents';
import { IntakeService } from '@app/intake';
import { ALL_RECORDS, Clock, type Page, type StaffScope } from '@app/shared';
import { WorkPermitFilesService } from '@app/work-permits';
import {
  agreementPath,
  agreementsCsv,
  documentPath,
  documentsCsv,
  invoiceLinesCsv,
  invoicesCsv,
  paymentsCsv,
  safeName,
  timelineCsv,
} from './archive-tables';
import { intakeAnswersCsv } from './intake-tables';

const PAGE = 200;

export interface FileArchive {
  /** `WP-2026-00042.zip`. */
  fileName: string;
  /** The ZIP, produced while it is read: document contents are decrypted one at a time as the archive reaches them. */
  stream: Readable;
}

/** Reads every page of a keyset-paginated list. */
async function everyPage<T>(read: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * A whole file as one ZIP, for the client at the end of a mandate or the regulator on request (CICC Code s.37 record
 * keeping): the file and client records, the timeline, every live document version decrypted, the service agreements
 * with their signatures, and the invoices with their lines and payments. The export is audited, and so is each
 * document's content as it is read.
 */
@Injectable()
export class FileExportService {
  private readonly logger = new Logger('FileExport');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: WorkPermitFilesService,
    private readonly clients: ClientsService,
    private readonly documents: DocumentsService,
    private readonly reviews: DocumentReviewsService,
    private readonly agreements: AgreementsService,
    private readonly invoices: InvoicesService,
    private readonly invoicePdfs: InvoicePdfService,
    private readonly intake: IntakeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Everything is read (and the scope checked: 404) before the first byte, so a failure is an answer, not a cut ZIP. */
  async export(fileId: string, actor: StaffUser, scope: StaffScope): Promise<FileArchive> {
    const file = await this.files.requireVisible(fileId, scope);
    const [client, documents, timeline, agreement, invoices, intake] = await Promise.all([
      this.clients.requireVisible(file.clientId, {}),
      everyPage<DocumentEntity>((cursor) => this.reviews.listForFile(fileId, { limit: PAGE, cursor }, scope)),
      everyPage<TimelineEvent>((cursor) => this.files.timeline(fileId, { limit: PAGE, cursor }, scope)),
      this.agreements.view(fileId, scope),
      this.invoices.detailsOfFile(fileId),
      // The file's scope is checked above; its client may be another consultant's, as for client.json.
      this.intake.viewForStaff(fileId, ALL_RECORDS),
    ]);
    // Every numbered invoice (issued, paid or void: each number is accounted for), as the client received it.
    const invoicePdfs = await Promise.all(
      invoices
        .filter(({ invoice }) => invoice.status !== InvoiceStatus.Draft)
        .map((detail) => this.invoicePdfs.render(detail)),
    );
    const root = file.fileNumber;
    const exportedAt = this.clock.now();

    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actorId: actor.id,
        action: 'file.exported',
        subjectType: 'work_permit_file',
        subjectId: file.id,
        fileId: file.id,
        clientId: file.clientId,
        changes: {
          documents: documents.length,
          agreements: agreement.history.length,
          invoices: invoices.length,
          intake: intake.status,
          timelineEvents: timeline.length,
        },
      }),
    );

    const zip = new ZipFile();
    const add = (path: string, text: string) =>
      zip.addBuffer(Buffer.from(text, 'utf8'), `${root}/${path}`, { mtime: exportedAt });
    add(
      'README.txt',
      [
        `Work-permit file ${file.fileNumber}, exported ${exportedAt.toISOString()} by ${actor.name}.`,
        '',
        'file.json             the file as recorded (stream, status, dates, employer, job)',
        'client.json           the client as recorded, passport number in full',
        'timeline.csv          every recorded change and access on the file, oldest first',
        'documents/index.csv   every document version kept (not deleted), with its review and SHA-256',
        'documents/<kind>/     the documents themselves, decrypted',
        'agreements/           each version of the service agreement (Markdown) and its signatures (index.csv);',
        '                      the signed PDF is among the documents (kind service_agreement)',
        'invoices/             invoices, their lines and payments (amounts in cents, CAD), and each numbered',
        '                      invoice as the client received it (INV-<year>-<nnnnn>.pdf)',
        'intake/               the intake questionnaire: answers.json (as saved, with its form and status) and',
        '                      answers.csv (section, question and answer, one row per answer)',
        '',
      ].join('\n'),
    );
    add('file.json', `${JSON.stringify(file, null, 2)}\n`);
    const { passportNumberEncrypted: _sealed, consultant: _consultant, ...clientFields } = client;
    add(
      'client.json',
      `${JSON.stringify({ ...clientFields, passportNumber: this.clients.decryptPassportNumber(client) }, null, 2)}\n`,
    );
    add('timeline.csv', timelineCsv([...timeline].reverse()));
    add('documents/index.csv', documentsCsv(documents));
    add('agreements/index.csv', agreementsCsv(agreement.history));
    for (const a of agreement.history) {
      add(agreementPath(a), a.body);
    }
    add('invoices/invoices.csv', invoicesCsv(invoices));
    add('invoices/lines.csv', invoiceLinesCsv(invoices));
    add('invoices/payments.csv', paymentsCsv(invoices));
    for (const pdf of invoicePdfs) {
      zip.addBuffer(pdf.content, `${root}/invoices/${safeName(pdf.fileName)}`, { mtime: exportedAt });
    }
    add(
      'intake/answers.json',
      `${JSON.stringify(
        {
          form: { key: intake.form.key, version: intake.form.version },
          status: intake.status,
          updatedAt: intake.updatedAt,
          submittedAt: intake.submittedAt,
          confirmedAt: intake.confirmedAt,
          answers: intake.answers,
        },
        null,
        2,
      )}\n`,
    );
    add('intake/answers.csv', intakeAnswersCsv(intake.form, intake.answers));

    const stream = zip.outputStream as Readable;
    // A document that cannot be read (missing, or failing its integrity check at any chunk) cuts the download: the
    // client gets an incomplete ZIP, never a whole-looking one without it. Failures were logged with the document id.
    const fail = (error: Error) => {
      this.logger.warn(
        { fileId: file.id, reason: error.message },
        'File export cut: a document could not be read',
      );
      stream.destroy(error);
    };
    zip.on('error', fail);
    for (const document of documents) {
      zip.addReadStreamLazy(
        `${root}/${documentPath(document)}`,
        { mtime: document.createdAt, size: document.size },
        (done) => {
          this.documents.openContent(document.id, undefined, actor, scope).then(
            (content) => {
              content.stream.on('error', fail);
              done(null, content.stream);
            },
            // yazl's callback takes no stream with an error.
            (error: unknown) => done(error, undefined as unknown as Readable),
          );
        },
      );
    }
    zip.end();
    return { fileName: `${file.fileNumber}.zip`, stream };
  }
}
