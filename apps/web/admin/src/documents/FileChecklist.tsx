import {
  Alert,
  Box,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { Fragment, useState } from 'react';
import {
  useLocale,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
  useNotify,
} from 'react-admin';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import type { Page } from '../dataProvider';
import type { DocumentRecord, UploadAnswer } from './api';
import { ChecklistRow, type ChecklistRowActions } from './ChecklistRow';
import { ChecklistSummaryChips } from './ChecklistSummary';
import { DocumentDropZone, useDocumentDrop } from './DocumentDrop';
import { byKind, itemTitle } from './labels';
import { IconAction, LatestDocument } from './LatestDocument';
import { PassportSuggestion, type PassportExpirySuggestion } from './PassportSuggestion';
import { PreviewDialog } from './PreviewDialog';
import { ReasonDialog } from './ReasonDialog';
import type { Checklist, ChecklistItem } from './types';
import { UploadDialog, type UploadRequest } from './UploadDialog';
import { useChecklistRequests } from './useChecklistRequests';
import { VersionsDialog } from './VersionsDialog';

type Ask =
  { kind: 'reject'; item: ChecklistItem; document: DocumentRecord } | { kind: 'waive'; item: ChecklistItem };

/**
 * The file's document checklist: each item's status, its latest document (preview, versions), review
 * (accept, reject with a reason), waiver with a reason, and uploads by drag-and-drop or a file chooser.
 */
export function FileChecklist() {
  const record = useRecordContext();
  if (!record) {
    return null;
  }
  const clientId = (record.client as { id: string } | undefined)?.id ?? null;
  return <ChecklistOfFile fileId={String(record.id)} clientId={clientId} />;
}

function ChecklistOfFile({ fileId, clientId }: { fileId: string; clientId: string | null }) {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string | null>();
  const checklist = useApi<Checklist>(`/api/files/${fileId}/checklist`);
  const documents = useApi<Page<DocumentRecord>>(`/api/files/${fileId}/documents?limit=200`);
  const [upload, setUpload] = useState<UploadRequest | null>(null);
  const [preview, setPreview] = useState<DocumentRecord | null>(null);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const [suggestion, setSuggestion] = useState<PassportExpirySuggestion | null>(null);
  const { dropTarget, dropProps } = useDocumentDrop((kind, file) => setUpload({ kind, file }));
  const { review, waive, unwaive, remove } = useChecklistRequests(fileId, reload);
  const items = checklist.data?.items ?? [];
  const kinds = byKind(documents.data?.items ?? []);
  const onChecklist = new Set(items.map((item) => item.key));
  const others = [...kinds.entries()].filter(([kind]) => !onChecklist.has(kind));

  function reload() {
    checklist.reload();
    documents.reload();
    refresh();
  }

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

  const rowActions: ChecklistRowActions = {
    preview: setPreview,
    showVersions: setVersionsOf,
    accept: (document) => void review(document, 'accepted'),
    askReject: (item, document) => setAsk({ kind: 'reject', item, document }),
    askWaive: (item) => setAsk({ kind: 'waive', item }),
    unwaive: (item) => void unwaive(item),
    upload: (kind) => setUpload({ kind, file: null }),
    remove: permissions === 'admin' ? remove : undefined,
  };

  const groups = new Map<string, ChecklistItem[]>();
  for (const item of items) {
    groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  }

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
      <DocumentDropZone
        dropTarget={dropTarget}
        dropProps={dropProps}
        onFile={(file) => setUpload({ kind: '', file })}
      />
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
                  {groupItems.map((item) => (
                    <ChecklistRow
                      key={item.key}
                      item={item}
                      versions={kinds.get(item.key)}
                      dropTarget={dropTarget}
                      dropProps={dropProps}
                      actions={rowActions}
                    />
                  ))}
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
                    <TableCell>
                      <LatestDocument
                        versions={versions}
                        title={versions[0].title}
                        onPreview={setPreview}
                        onVersions={setVersionsOf}
                      />
                    </TableCell>
                    <TableCell align="right">
                      {permissions === 'admin' && (
                        <IconAction
                          label={translate('pd.documents.delete_named', { name: versions[0].originalName })}
                          icon={<DeleteIcon fontSize="small" />}
                          onClick={() => remove(versions[0])}
                        />
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
