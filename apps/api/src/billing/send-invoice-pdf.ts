import type { Response } from 'express';
import type { InvoicePdf } from '@app/billing';
import { attachmentDisposition } from '@app/documents';

/** An invoice's PDF as a download that no shared cache keeps. */
export function sendInvoicePdf(res: Response, pdf: InvoicePdf): void {
  res.status(200);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', attachmentDisposition(pdf.fileName));
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(pdf.content);
}
