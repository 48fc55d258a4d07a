import {
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Button, useLocale, useNotify, useTranslate } from 'react-admin';
import { intlLocale } from '../common/fields';
import { uploadDocument, type UploadAnswer, type UploadProgress } from './api';
import { itemTitle, sizeText } from './labels';
import type { ChecklistItem } from './types';

type FieldErrors = Record<string, string>;
const errorsOf = (error: unknown): FieldErrors =>
  (error as { body?: { errors?: FieldErrors } }).body?.errors ?? {};

export interface UploadRequest {
  kind: string;
  file: File | null;
}

/**
 * One upload: the file (dropped, or chosen here), its checklist item, an optional title and the dates printed on
 * the document; a progress bar while the bytes go up. Closes with the API's answer.
 */
export function UploadDialog({
  fileId,
  items,
  request,
  onClose,
  onUploaded,
}: {
  fileId: string;
  items: ChecklistItem[];
  request: UploadRequest | null;
  onClose: () => void;
  onUploaded: (answer: UploadAnswer) => void;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('');
  const [title, setTitle] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (request) {
      setFile(request.file);
      setKind(request.kind);
      setTitle('');
      setIssuedOn('');
      setExpiresOn('');
      setProgress(null);
      setErrors({});
    }
  }, [request]);
  const uploading = progress !== null;
  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  const language = intlLocale(locale);

  async function upload() {
    if (!file) {
      setErrors({ file: translate('pd.documents.choose_first') });
      return;
    }
    if (!kind) {
      setErrors({ kind: translate('pd.documents.kind_first') });
      return;
    }
    abort.current = new AbortController();
    setErrors({});
    setProgress({ loaded: 0, total: file.size });
    try {
      const answer = await uploadDocument(
        fileId,
        file,
        { kind, title, issuedOn, expiresOn },
        setProgress,
        abort.current.signal,
      );
      onUploaded(answer);
    } catch (e) {
      setProgress(null);
      if ((e as Error).name === 'AbortError') {
        return;
      }
      setErrors(errorsOf(e));
      notify((e as Error).message === 'network' ? 'pd.documents.network' : (e as Error).message, {
        type: 'error',
      });
    }
  }

  function cancel() {
    abort.current?.abort();
    onClose();
  }

  function take(files: FileList | null | undefined) {
    const chosen = files?.[0];
    if (chosen) {
      setFile(chosen);
      setErrors((previous) => ({ ...previous, file: '' }));
    }
  }

  return (
    <Dialog open={!!request} onClose={cancel} maxWidth="sm" fullWidth aria-labelledby="upload-document">
      <DialogTitle id="upload-document">{translate('pd.documents.upload_title')}</DialogTitle>
      <DialogContent>
        <Box
          data-testid="upload-drop"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            take(event.dataTransfer?.files);
          }}
          sx={{
            border: 2,
            borderStyle: 'dashed',
            borderColor: errors.file ? 'error.main' : dragging ? 'primary.main' : 'divider',
            borderRadius: 1,
            p: 2,
            mt: 1,
            mb: 2,
            textAlign: 'center',
          }}
        >
          {file ? (
            <Typography variant="body2" data-testid="upload-file-name">
              {`${file.name} (${sizeText(file.size, language)})`}
            </Typography>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('pd.documents.drop_or_choose')}
            </Typography>
          )}
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            accept=".pdf,.jpg,.jpeg,.png,.heic,.docx,application/pdf,image/jpeg,image/png,image/heic"
            aria-label={translate('pd.documents.choose_file')}
            tabIndex={-1}
            onChange={(event) => take(event.target.files)}
          />
          <Button
            label={file ? 'pd.documents.choose_other' : 'pd.documents.choose_file'}
            onClick={() => input.current?.click()}
            disabled={uploading}
          />
          {errors.file && (
            <Typography variant="caption" color="error" component="p" role="alert">
              {errors.file}
            </Typography>
          )}
        </Box>
        <Stack spacing={2}>
          <MuiTextField
            select
            label={translate('pd.documents.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            error={!!errors.kind}
            helperText={errors.kind || ' '}
            disabled={uploading}
            fullWidth
          >
            {items.map((item) => (
              <MenuItem key={item.key} value={item.key}>
                {itemTitle(item, locale)}
              </MenuItem>
            ))}
            <MenuItem value="other">{translate('pd.documents.other')}</MenuItem>
          </MuiTextField>
          <MuiTextField
            label={translate('pd.documents.title_optional')}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={!!errors.title}
            helperText={errors.title || ' '}
            disabled={uploading}
            fullWidth
          />
          <Stack direction="row" spacing={2}>
            <MuiTextField
              type="date"
              label={translate('pd.documents.issued_on')}
              value={issuedOn}
              onChange={(event) => setIssuedOn(event.target.value)}
              error={!!errors.issuedOn}
              helperText={errors.issuedOn || ' '}
              disabled={uploading}
              slotProps={{ inputLabel: { shrink: true } }}
              fullWidth
            />
            <MuiTextField
              type="date"
              label={translate('pd.documents.expires_on')}
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.target.value)}
              error={!!errors.expiresOn}
              helperText={errors.expiresOn || translate('pd.documents.expires_help')}
              disabled={uploading}
              slotProps={{ inputLabel: { shrink: true } }}
              fullWidth
            />
          </Stack>
          {progress && (
            <Box>
              <LinearProgress
                variant="determinate"
                value={percent}
                aria-label={translate('pd.documents.uploading', { name: file?.name ?? '' })}
              />
              <Typography variant="caption" color="text.secondary" data-testid="upload-progress">
                {translate('pd.documents.progress', {
                  percent,
                  loaded: sizeText(progress.loaded, language),
                  total: sizeText(progress.total, language),
                })}
              </Typography>
            </Box>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={cancel} />
        <Button
          label="pd.documents.upload"
          variant="contained"
          onClick={() => void upload()}
          disabled={uploading}
        />
      </DialogActions>
    </Dialog>
  );
}
