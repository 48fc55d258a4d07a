import type { InvoiceStatus } from './entities/invoice.entity';

/** The invoices list, with the file's number and the client's name for display. */
export const INVOICE_LIST_FROM = `SELECT i.id, i.number, i.status, i.file_id, i.client_id, i.country, i.province,
       i.subtotal_cents, i.tax_cents, i.total_cents, i.paid_cents, i.issued_on::text AS issued_on, i.created_at,
       f.file_number, c.first_name, c.last_name
  FROM invoices i
  JOIN work_permit_files f ON f.id = i.file_id
  JOIN clients c ON c.id = i.client_id`;

export interface InvoiceListRow {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  file_id: string;
  client_id: string;
  country: string;
  province: string | null;
  subtotal_cents: number;
  tax_cents: number;
  total_cents: number;
  paid_cents: number;
  issued_on: string | null;
  created_at: Date;
  file_number: string;
  first_name: string | null;
  last_name: string | null;
}

export interface InvoiceListItem {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  fileId: string;
  fileNumber: string;
  clientId: string;
  clientName: string;
  country: string;
  province: string | null;
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  paidCents: number;
  balanceCents: number;
  issuedOn: string | null;
  createdAt: Date;
}

export function invoiceListItemFromRow(row: InvoiceListRow): InvoiceListItem {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    fileId: row.file_id,
    fileNumber: row.file_number,
    clientId: row.client_id,
    clientName: [row.first_name, row.last_name].filter(Boolean).join(' '),
    country: row.country,
    province: row.province,
    subtotalCents: row.subtotal_cents,
    taxCents: row.tax_cents,
    totalCents: row.total_cents,
    paidCents: row.paid_cents,
    balanceCents: row.total_cents - row.paid_cents,
    issuedOn: row.issued_on,
    createdAt: row.created_at,
  };
}
