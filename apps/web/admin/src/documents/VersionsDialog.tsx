import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { Button, useLocale, useTranslate } from 'react-admin';
import { InstantText, intlLocale } from '../common/fields';
import type { DocumentRecord } from './api';
import { sizeText } from './labels';
import { DocumentStatusChip } from './StatusChips';

/** Every version of one kind on the file, newest first, each with its review and a preview. */
export function VersionsDialog({
  title,
  versions,
  onPreview,
  onClose,
}: {
  title: string | null;
  versions: DocumentRecord[];
  onPreview: (document: DocumentRecord) => void;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  return (
    <Dialog open={title !== null} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="versions-dialog">
      <DialogTitle id="versions-dialog">{translate('pd.documents.versions_of', { title })}</DialogTitle>
      <DialogContent>
        <Table size="small" data-testid="versions">
          <TableHead>
            <TableRow>
              <TableCell>{translate('pd.documents.version')}</TableCell>
              <TableCell>{translate('pd.documents.document')}</TableCell>
              <TableCell>{translate('pd.documents.uploaded_at')}</TableCell>
              <TableCell>{translate('pd.documents.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {versions.map((document) => (
              <TableRow key={document.id}>
                <TableCell>v{document.version}</TableCell>
                <TableCell>
                  <MuiLink component="button" type="button" onClick={() => onPreview(document)}>
                    {document.originalName}
                  </MuiLink>{' '}
                  ({sizeText(document.size, locale)})
                </TableCell>
                <TableCell>
                  <InstantText value={document.createdAt} />
                </TableCell>
                <TableCell>
                  <DocumentStatusChip status={document.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.close" onClick={onClose} />
      </DialogActions>
    </Dialog>
  );
}
