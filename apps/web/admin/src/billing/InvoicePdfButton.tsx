import PdfIcon from '@mui/icons-material/PictureAsPdf';
import { IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { download } from '../common/download';

/** Downloads one invoice as a PDF, in the client's language; drafts come marked DRAFT, without a number. */
export function InvoicePdfButton({ invoice }: { invoice: { id: string; number: string | null } }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const label = translate('pd.invoice_pdf.download', {
    invoice: invoice.number ?? translate('pd.invoice_pdf.draft'),
  });
  const downloadPdf = async () => {
    setBusy(true);
    try {
      await download(
        `/api/invoices/${invoice.id}/pdf`,
        `${invoice.number ?? 'draft-invoice'}.pdf`,
        'application/pdf',
      );
    } catch (error) {
      notify(
        translate('pd.invoice_pdf.failed', {
          reason: error instanceof Error ? error.message : String(error),
        }),
        { type: 'error' },
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={label}>
      <span>
        <IconButton size="small" aria-label={label} onClick={() => void downloadPdf()} disabled={busy}>
          <PdfIcon fontSize="small" />
        </IconButton>
      </span>
    </Tooltip>
  );
}
