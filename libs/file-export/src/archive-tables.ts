import type { AgreementEntity } from '@app/agreements';
import type { TimelineEvent } from '@app/audit';
import type { InvoiceDetail } from '@app/billing';
import type { DocumentEntity } from '@app/documents';
import { csvLine, sha256Hex, type CsvValue } from '@app/shared';

/** The tables of a file's archive, as CSV text: pure functions of what was read, so they are tested alone. */

const iso = (at: Date | null | undefined): string | null => (at ? at.toISOString() : null);

function table(header: readonly string[], rows: readonly CsvValue[][]): string {
  return [csvLine(header), ...rows.map((row) => csvLine(row))].join('');
}

/** A name safe as one part of a path inside the archive: no separators, no control characters, no dot-only names. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim();
  return cleaned === '' || /^\.+$/.test(cleaned) ? '_' : cleaned.slice(0, 150);
}

/** Where a document's content sits in the archive: by kind, then version and its name as uploaded. */
export function documentPath(document: DocumentEntity): string {
  return `documents/${safeName(document.kind)}/v${document.version}-${safeName(document.originalName)}`;
}

export function documentsCsv(documents: readonly DocumentEntity[]): string {
  return table(
    [
      'path',
      'kind',
      'title',
      'version',
      'status',
      'review_reason',
      'reviewed_at',
      'issued_on',
      'expires_on',
      'content_type',
      'bytes',
      'sha256',
      'uploaded_by',
      'uploaded_at',
    ],
    documents.map((d) => [
      documentPath(d),
      d.kind,
      d.title,
      d.version,
      d.status,
      d.reviewReason,
      iso(d.reviewedAt),
      d.issuedOn,
      d.expiresOn,
      d.contentType,
      d.size,
      d.sha256,
      d.uploadedByClientId ? 'client' : 'staff',
      iso(d.createdAt),
    ]),
  );
}

export function timelineCsv(events: readonly TimelineEvent[]): string {
  return table(
    ['occurred_at', 'actor', 'action', 'subject_type', 'subject_id', 'changes'],
    events.map((e) => [
      iso(e.occurredAt),
      e.actorName ?? (e.actorId || e.actorClientId ? null : 'system'),
      e.action,
      e.subjectType,
      e.subjectId,
      JSON.stringify(e.changes),
    ]),
  );
}

export function agreementPath(agreement: AgreementEntity): string {
  return `agreements/v${agreement.version}-${agreement.language}.md`;
}

export function agreementsCsv(agreements: readonly AgreementEntity[]): string {
  return table(
    [
      'path',
      'version',
      'status',
      'language',
      'text_sha256',
      'sent_at',
      'client_signed_at',
      'client_typed_name',
      'client_ip',
      'client_user_agent',
      'countersigned_at',
      'countersigner',
      'countersigner_licence',
      'signed_pdf_document_id',
      'superseded_at',
    ],
    agreements.map((a) => [
      agreementPath(a),
      a.version,
      a.status,
      a.language,
      sha256Hex(a.body),
      iso(a.sentAt),
      iso(a.clientSignedAt),
      a.clientTypedName,
      a.clientIp,
      a.clientUserAgent,
      iso(a.countersignedAt),
      a.countersignerName,
      a.countersignerLicence,
      a.documentId,
      iso(a.supersededAt),
    ]),
  );
}

export function invoicesCsv(details: readonly InvoiceDetail[]): string {
  return table(
    [
      'invoice_id',
      'number',
      'status',
      'issued_on',
      'province',
      'subtotal_cents',
      'tax_cents',
      'total_cents',
      'paid_cents',
      'gst_hst_number',
      'qst_number',
      'void_reason',
    ],
    details.map(({ invoice: i }) => [
      i.id,
      i.number,
      i.status,
      i.issuedOn,
      i.province ?? i.country,
      i.subtotalCents,
      i.taxCents,
      i.totalCents,
      i.paidCents,
      i.gstHstNumber,
      i.qstNumber,
      i.voidReason,
    ]),
  );
}

export function invoiceLinesCsv(details: readonly InvoiceDetail[]): string {
  return table(
    [
      'invoice_id',
      'number',
      'position',
      'kind',
      'description',
      'quantity',
      'unit_cents',
      'amount_cents',
      'tax_cents',
    ],
    details.flatMap(({ invoice, lines }) =>
      lines.map((l) => [
        invoice.id,
        invoice.number,
        l.position,
        l.kind,
        l.description,
        l.quantity,
        l.unitCents,
        l.amountCents,
        l.taxCents,
      ]),
    ),
  );
}

export function paymentsCsv(details: readonly InvoiceDetail[]): string {
  return table(
    ['invoice_id', 'number', 'received_on', 'method', 'amount_cents', 'reference', 'recorded_at'],
    details.flatMap(({ invoice, payments }) =>
      payments.map((p) => [
        invoice.id,
        invoice.number,
        p.receivedOn,
        p.method,
        p.amountCents,
        p.reference,
        iso(p.createdAt),
      ]),
    ),
  );
}
