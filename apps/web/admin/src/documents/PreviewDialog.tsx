import {
  Alert,
  Box,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { downloadDocument, fetchContent, type DocumentRecord } from './api';
import { previewKind } from './labels';

type Shown = Pick<DocumentRecord, 'id' | 'title' | 'originalName' | 'contentType' | 'version'>;

/**
 * A document shown in the page without saving it: its content is fetched with the session as a Blob and shown
 * from a blob: address (an <img> for images, a frame for PDFs), released when the dialog closes.
 */
export function PreviewDialog({ document, onClose }: { document: Shown | null; onClose: () => void }) {
  const translate = useTranslate();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kind = document ? previewKind(document.contentType) : null;
  useEffect(() => {
    setUrl(null);
    setError(null);
    if (!document || !kind) {
      return;
    }
    const abort = new AbortController();
    let made: string | null = null;
    fetchContent(document.id, abort.signal).then(
      (blob) => {
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      (e: Error) => {
        if (!abort.signal.aborted) {
          setError(e.message);
        }
      },
    );
    return () => {
      abort.abort();
      if (made) {
        URL.revokeObjectURL(made);
      }
    };
  }, [document, kind]);
  const title = document
    ? translate('pd.documents.preview_title', { title: document.title, version: document.version })
    : '';
  return (
    <Dialog open={!!document} onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="document-preview">
      <DialogTitle id="document-preview">{title}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 240 }}>
        {error && <Alert severity="error">{error}</Alert>}
        {!kind && document && <Alert severity="info">{translate('pd.documents.no_preview')}</Alert>}
        {kind && !url && !error && (
          <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }}>
            <CircularProgress aria-label={translate('ra.page.loading')} />
          </Box>
        )}
        {url && kind === 'image' && (
          <Box
            component="img"
            src={url}
            alt={document?.originalName}
            data-testid="document-preview-image"
            sx={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', mx: 'auto' }}
          />
        )}
        {url && kind === 'pdf' && (
          <Box
            component="iframe"
            src={url}
            title={document?.originalName}
            data-testid="document-preview-pdf"
            sx={{ display: 'block', width: '100%', height: '75vh', border: 0 }}
          />
        )}
      </DialogContent>
      <DialogActions>
        {document && <Button label="pd.documents.download" onClick={() => void downloadDocument(document)} />}
        <Button label="ra.action.close" onClick={onClose} />
      </DialogActions>
    </Dialog>
  );
}
