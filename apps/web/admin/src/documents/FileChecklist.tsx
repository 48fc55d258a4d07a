import {
  Alert,
  Box,
  Chip,
  IconButton,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
  TableContainer,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import HistoryIcon from '@mui/icons-material/History';
import DeleteIcon from '@mui/icons-material/Delete';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import { Fragment, useRef, useState, type DragEvent, type ReactNode } from 'react';
import {
  Button,
  useLocale,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { apiClient, send, type Page } from '../dataProvider';
import type { DocumentRecord, UploadAnswer } from './api';
import { ChecklistSummaryChips } from './ChecklistSummary';
import { byKind, itemCondition, itemHelp, itemTitle } from './labels';
import { PassportSuggestion, type PassportExpirySuggestion } from './PassportSuggestion';
import { PreviewDialog } from './PreviewDialog';
import { ReasonDialog } from './ReasonDialog';
import { ItemStatusChip } from './StatusChips';
import type { Checklist, ChecklistItem } from './types';
import { UploadDialog, type UploadRequest } from './UploadDialog';
import { VersionsDialog } from './VersionsDialog';

type FieldErrors = Record<string, string>;
const errorsOf = (error: unknown): FieldErrors =>
  (error as { body?: { errors?: FieldErrors } }).body?.errors ?? {};

type Ask =
  { kind: 'reject'; item: ChecklistItem; document: DocumentRecord } | { kind: 'waive'; item: ChecklistItem };

const filesOf = (event: DragEvent) => event.dataTransfer?.files;

/**
 * The file's document checklist: each item's status, its latest document (preview, versions), review
 * (accept, reject with a reason), waiver with a reason, and uploads by drag-and-drop or a file chooser.
 */
export function FileChecklist() {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string | null>();
  const fileId = record ? String(record.id) : null;
  const clientId = (record?.client as { id: string } | undefined)?.id ?? null;
  const checklist = useApi<Checklist>(fileId ? `/api/files/${fileId}/checklist` : null);
  const documents = useApi<Page<DocumentRecord>>(fileId ? `/api/files/${fileId}/documents?limit=200` : null);
  const [upload, setUpload] = useState<UploadRequest | null>(null);
  const [preview, setPreview] = useState<DocumentRecord | null>(null);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const [suggestion, setSuggestion] = useState<PassportExpirySuggestion | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const chooser = useRef<HTMLInputElement>(null);
  if (!fileId) {
    return null;
  }
  const items = checklist.data?.items ?? [];
  const kinds = byKind(documents.data?.items ?? []);
  const onChecklist = new Set(items.map((item) => item.key));
  const others = [...kinds.entries()].filter(([kind]) => !onChecklist.has(kind));

  function reload() {
    checklist.reload();
    documents.reload();
    refresh();
  }

  async function run(action: () => Promise<unknown>, success: string): Promise<FieldErrors | null> {
    try {
      await action();
      notify(success, { type: 'success' });
      reload();
      return null;
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      return errorsOf(e);
    }
  }

  const review = (document: DocumentRecord, status: 'accepted' | 'rejected', reason?: string) =>
    run(
      () =>
        send(
          apiClient.PATCH('/api/documents/{id}', {
            params: { path: { id: document.id } },
            body: reason === undefined ? { status } : { status, reason },
          }),
        ),
      status === 'accepted' ? 'pd.documents.accepted' : 'pd.documents.rejected',
    );
  const waiver = (item: ChecklistItem) => ({ params: { path: { id: fileId, key: item.key } } });
  const waive = (item: ChecklistItem, reason: string) =>
    run(
      () =>
        send(apiClient.POST('/api/files/{id}/checklist/{key}/waive', { ...waiver(item), body: { reason } })),
      'pd.documents.waived',
    );
  const unwaive = (item: ChecklistItem) =>
    run(
      () => send(apiClient.DELETE('/api/files/{id}/checklist/{key}/waive', waiver(item))),
      'pd.documents.unwaived',
    );
  const remove = (document: DocumentRecord) => {
    if (!window.confirm(translate('pd.documents.confirm_delete', { name: document.originalName }))) {
      return;
    }
    void run(
      () => send(apiClient.DELETE('/api/documents/{id}', { params: { path: { id: document.id } } })),
      'pd.documents.deleted',
    );
  };

  function uploaded(answer: UploadAnswer) {
    setUpload(null);
    notify(answer.duplicate ? 'pd.documents.duplicate' : 'pd.documents.uploaded', {
      type: answer.duplicate ? 'info' : 'success',
      messageArgs: { version: answer.document.version },
    });
    const proposed = (answer as { suggestions?: { passportExpiry?: PassportExpirySuggestion } }).suggestions
      ?.passportExpiry;
    setSuggestion(proposed ?? null);
    reload();
  }

  const dropProps = (kind: string) => ({
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setDropTarget(kind);
    },
    onDragLeave: () => setDropTarget(null),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDropTarget(null);
      const file = filesOf(event)?.[0];
      if (file) {
        setUpload({ kind, file });
      }
    },
  });

  const groups = new Map<string, ChecklistItem[]>();
  for (const item of items) {
    groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  }

  const documentCell = (versions: DocumentRecord[] | undefined, title: string) => {
    const latest = versions?.[0];
    if (!latest) {
      return '—';
    }
    return (
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <MuiLink
          component="button"
          type="button"
          onClick={() => setPreview(latest)}
          aria-label={translate('pd.documents.preview_named', { name: latest.originalName })}
          sx={{ textAlign: 'left', overflowWrap: 'anywhere' }}
        >
          {latest.originalName}
        </MuiLink>
        <Typography variant="caption" color="text.secondary">
          v{latest.version}
        </Typography>
        {latest.uploadedByClient && (
          <Typography variant="caption" color="text.secondary" data-testid="from-client">
            {translate('pd.documents.from_client')}
          </Typography>
        )}
        {versions.length > 1 && (
          <MuiLink
            component="button"
            type="button"
            variant="caption"
            onClick={() => setVersionsOf(latest.kind)}
            aria-label={translate('pd.documents.versions_of', { title })}
          >
            {translate('pd.documents.version_count', { smart_count: versions.length })}
          </MuiLink>
        )}
      </Stack>
    );
  };

  const iconAction = (label: string, icon: ReactNode, onClick: () => void) => (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={onClick}>
        {icon}
      </IconButton>
    </Tooltip>
  );

  const row = (item: ChecklistItem) => {
    const title = itemTitle(item, locale);
    const help = itemHelp(item, locale);
    const condition = itemCondition(item, locale);
    const versions = kinds.get(item.key);
    const latest = versions?.[0];
    const reason =
      item.status === 'waived' ? item.waivedReason : item.status === 'rejected' ? item.reviewReason : null;
    return (
      <TableRow
        key={item.key}
        data-item={item.key}
        selected={dropTarget === item.key}
        aria-label={title}
        {...dropProps(item.key)}
      >
        <TableCell>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
              {title}
            </Typography>
            {help && (
              <Tooltip title={help}>
                <InfoIcon fontSize="small" color="action" aria-label={help} role="img" />
              </Tooltip>
            )}
            {item.custom && (
              <Chip size="small" variant="outlined" label={translate('pd.documents.firm_item')} />
            )}
          </Stack>
          <Typography variant="caption" color="text.secondary" component="div">
            {item.required
              ? translate('pd.documents.required')
              : (condition ?? translate('pd.documents.optional'))}
          </Typography>
        </TableCell>
        <TableCell>
          <ItemStatusChip status={item.status} />
          {reason && (
            <Typography variant="caption" component="div" sx={{ mt: 0.5 }} data-testid="item-reason">
              {reason}
            </Typography>
          )}
        </TableCell>
        <TableCell sx={{ minWidth: 150 }}>{documentCell(versions, title)}</TableCell>
        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
          {latest && item.status !== 'accepted' && item.status !== 'waived' && (
            <Button
              label="pd.documents.accept"
              aria-label={translate('pd.documents.accept_named', { title })}
              onClick={() => void review(latest, 'accepted')}
            />
          )}
          {latest && item.status !== 'rejected' && item.status !== 'waived' && (
            <Button
              label="pd.documents.reject"
              aria-label={translate('pd.documents.reject_named', { title })}
              onClick={() => setAsk({ kind: 'reject', item, document: latest })}
            />
          )}
          {item.status === 'waived' ? (
            <Button
              label="pd.documents.unwaive"
              aria-label={translate('pd.documents.unwaive_named', { title })}
              onClick={() => void unwaive(item)}
            />
          ) : (
            item.status !== 'accepted' && (
              <Button
                label="pd.documents.waive"
                aria-label={translate('pd.documents.waive_named', { title })}
                onClick={() => setAsk({ kind: 'waive', item })}
              />
            )
          )}
          {iconAction(
            translate('pd.documents.upload_named', { title }),
            <UploadFileIcon fontSize="small" />,
            () => setUpload({ kind: item.key, file: null }),
          )}
          {versions &&
            versions.length > 1 &&
            iconAction(
              translate('pd.documents.versions_of', { title }),
              <HistoryIcon fontSize="small" />,
              () => setVersionsOf(item.key),
            )}
          {permissions === 'admin' &&
            latest &&
            iconAction(
              translate('pd.documents.delete_named', { name: latest.originalName }),
              <DeleteIcon fontSize="small" />,
              () => remove(latest),
            )}
        </TableCell>
      </TableRow>
    );
  };

  const versionsTitle =
    versionsOf === null
      ? null
      : ((items.find((item) => item.key === versionsOf) &&
          itemTitle(
            items.find((item) => item.key === versionsOf)!,
            locale,
          )) ??
        translate('pd.documents.other'));

  return (
    <Section
      title={translate('pd.documents.title')}
      action={<ChecklistSummaryChips summary={checklist.data?.summary} />}
    >
      {suggestion && clientId && (
        <PassportSuggestion
          clientId={clientId}
          suggestion={suggestion}
          onDone={() => {
            setSuggestion(null);
            refresh();
          }}
        />
      )}
      <Box
        data-testid="document-drop"
        {...dropProps('')}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: dropTarget === '' ? 'primary.main' : 'divider',
          borderRadius: 1,
          p: 2,
          mb: 2,
          display: 'flex',
          alignItems: 'center',
          gap: 2,
          flexWrap: 'wrap',
        }}
      >
        <UploadFileIcon color="action" />
        <Typography variant="body2" sx={{ flex: 1 }}>
          {translate('pd.documents.drop_here')}
        </Typography>
        <input
          ref={chooser}
          type="file"
          className="visually-hidden"
          aria-label={translate('pd.documents.choose_file')}
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) {
              setUpload({ kind: '', file });
            }
          }}
        />
        <Button
          label="pd.documents.choose_file"
          variant="outlined"
          onClick={() => chooser.current?.click()}
        />
      </Box>
      {checklist.error && <Alert severity="error">{checklist.error.message}</Alert>}
      {checklist.data && items.length === 0 && <Empty text={translate('pd.documents.no_items')} />}
      {items.length > 0 && (
        <TableContainer>
          <Table size="small" data-testid="checklist">
            <TableHead>
              <TableRow>
                <TableCell>{translate('pd.documents.item')}</TableCell>
                <TableCell>{translate('pd.documents.status')}</TableCell>
                <TableCell>{translate('pd.documents.document')}</TableCell>
                <TableCell>
                  <span className="visually-hidden">{translate('pd.actions')}</span>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...groups.entries()].map(([group, groupItems]) => (
                <Fragment key={group}>
                  <TableRow>
                    <TableCell
                      colSpan={4}
                      component="th"
                      scope="rowgroup"
                      sx={{ bgcolor: 'action.hover', py: 0.5 }}
                    >
                      <Typography variant="overline" component="span">
                        {translate(`pd.documents.group.${group}`, { _: group })}
                      </Typography>
                    </TableCell>
                  </TableRow>
                  {groupItems.map(row)}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {others.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h3">
            {translate('pd.documents.others')}
          </Typography>
          <TableContainer>
            <Table size="small" data-testid="other-documents">
              <TableBody>
                {others.map(([kind, versions]) => (
                  <TableRow key={kind}>
                    <TableCell>{versions[0].title}</TableCell>
                    <TableCell>{documentCell(versions, versions[0].title)}</TableCell>
                    <TableCell align="right">
                      {permissions === 'admin' &&
                        iconAction(
                          translate('pd.documents.delete_named', { name: versions[0].originalName }),
                          <DeleteIcon fontSize="small" />,
                          () => remove(versions[0]),
                        )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      )}
      <UploadDialog
        fileId={fileId}
        items={items}
        request={upload}
        onClose={() => setUpload(null)}
        onUploaded={uploaded}
      />
      <PreviewDialog document={preview} onClose={() => setPreview(null)} />
      <VersionsDialog
        title={versionsTitle}
        versions={versionsOf === null ? [] : (kinds.get(versionsOf) ?? [])}
        onPreview={setPreview}
        onClose={() => setVersionsOf(null)}
      />
      <ReasonDialog
        open={ask !== null}
        title={
          ask?.kind === 'reject'
            ? translate('pd.documents.reject_title', { title: itemTitle(ask.item, locale) })
            : ask
              ? translate('pd.documents.waive_title', { title: itemTitle(ask.item, locale) })
              : ''
        }
        help={translate(ask?.kind === 'reject' ? 'pd.documents.reject_help' : 'pd.documents.waive_help')}
        confirmLabel={ask?.kind === 'reject' ? 'pd.documents.reject' : 'pd.documents.waive'}
        onConfirm={async (reason) => {
          if (!ask) {
            return null;
          }
          const errors =
            ask.kind === 'reject'
              ? await review(ask.document, 'rejected', reason)
              : await waive(ask.item, reason);
          if (!errors) {
            setAsk(null);
          }
          return errors;
        }}
        onClose={() => setAsk(null)}
      />
    </Section>
  );
}
