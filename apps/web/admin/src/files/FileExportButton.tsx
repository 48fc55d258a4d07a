import DownloadIcon from '@mui/icons-material/Archive';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { download } from '../common/download';
import { session } from '../session';

/**
 * Downloads the file's archive (records, timeline, documents decrypted, agreements, invoices) as one ZIP: for the
 * client at the end of a mandate or the regulator on request. Admins and the file's consultant only.
 */
export function FileExportButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  if (!record || !(session.user?.role === 'admin' || session.user?.role === 'consultant')) {
    return null;
  }
  const exportFile = async () => {
    setBusy(true);
    try {
      await download(
        `/api/files/${String(record.id)}/export`,
        `${String(record.fileNumber)}.zip`,
        'application/zip',
      );
    } catch (error) {
      notify(
        translate('pd.files.export_failed', {
          reason: error instanceof Error ? error.message : String(error),
        }),
        {
          type: 'error',
        },
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="pd.files.export_archive" onClick={() => void exportFile()} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
}
