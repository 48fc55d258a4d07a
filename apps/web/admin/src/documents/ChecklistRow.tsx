import { Chip, Stack, TableCell, TableRow, Tooltip, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import HistoryIcon from '@mui/icons-material/History';
import DeleteIcon from '@mui/icons-material/Delete';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import { Button, useLocale, useTranslate } from 'react-admin';
import type { DocumentRecord } from './api';
import type { DropProps } from './DocumentDrop';
import { itemCondition, itemHelp, itemTitle } from './labels';
import { IconAction, LatestDocument } from './LatestDocument';
import { ItemStatusChip } from './StatusChips';
import type { ChecklistItem } from './types';

/** What a checklist row's buttons do; the page carries each out and reloads. */
export interface ChecklistRowActions {
  preview: (document: DocumentRecord) => void;
  showVersions: (kind: string) => void;
  accept: (document: DocumentRecord) => void;
  askReject: (item: ChecklistItem, document: DocumentRecord) => void;
  askWaive: (item: ChecklistItem) => void;
  unwaive: (item: ChecklistItem) => void;
  upload: (kind: string) => void;
  /** Absent for those who may not delete documents. */
  remove?: (document: DocumentRecord) => void;
}

/** One checklist item: its title and help, status (with the reason of a rejection or waiver), document, actions. */
export function ChecklistRow({
  item,
  versions,
  dropTarget,
  dropProps,
  actions,
}: {
  item: ChecklistItem;
  /** The item's documents, newest first. */
  versions: DocumentRecord[] | undefined;
  dropTarget: string | null;
  dropProps: DropProps;
  actions: ChecklistRowActions;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  const title = itemTitle(item, locale);
  const help = itemHelp(item, locale);
  const condition = itemCondition(item, locale);
  const latest = versions?.[0];
  const reason =
    item.status === 'waived' ? item.waivedReason : item.status === 'rejected' ? item.reviewReason : null;
  return (
    <TableRow
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
      <TableCell sx={{ minWidth: 150 }}>
        <LatestDocument
          versions={versions}
          title={title}
          onPreview={actions.preview}
          onVersions={actions.showVersions}
        />
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {latest && item.status !== 'accepted' && item.status !== 'waived' && (
          <Button
            label="pd.documents.accept"
            aria-label={translate('pd.documents.accept_named', { title })}
            onClick={() => actions.accept(latest)}
          />
        )}
        {latest && item.status !== 'rejected' && item.status !== 'waived' && (
          <Button
            label="pd.documents.reject"
            aria-label={translate('pd.documents.reject_named', { title })}
            onClick={() => actions.askReject(item, latest)}
          />
        )}
        {item.status === 'waived' ? (
          <Button
            label="pd.documents.unwaive"
            aria-label={translate('pd.documents.unwaive_named', { title })}
            onClick={() => actions.unwaive(item)}
          />
        ) : (
          item.status !== 'accepted' && (
            <Button
              label="pd.documents.waive"
              aria-label={translate('pd.documents.waive_named', { title })}
              onClick={() => actions.askWaive(item)}
            />
          )
        )}
        <IconAction
          label={translate('pd.documents.upload_named', { title })}
          icon={<UploadFileIcon fontSize="small" />}
          onClick={() => actions.upload(item.key)}
        />
        {versions && versions.length > 1 && (
          <IconAction
            label={translate('pd.documents.versions_of', { title })}
            icon={<HistoryIcon fontSize="small" />}
            onClick={() => actions.showVersions(item.key)}
          />
        )}
        {actions.remove && latest && (
          <IconAction
            label={translate('pd.documents.delete_named', { name: latest.originalName })}
            icon={<DeleteIcon fontSize="small" />}
            onClick={() => actions.remove?.(latest)}
          />
        )}
      </TableCell>
    </TableRow>
  );
}
