import { IconButton, Link as MuiLink, Stack, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { DocumentRecord } from './api';

/** A kind's latest document (opens its preview), its version, who sent it, and a link to its other versions. */
export function LatestDocument({
  versions,
  title,
  onPreview,
  onVersions,
}: {
  /** Newest first. */
  versions: DocumentRecord[] | undefined;
  title: string;
  onPreview: (document: DocumentRecord) => void;
  onVersions: (kind: string) => void;
}) {
  const translate = useTranslate();
  const latest = versions?.[0];
  if (!versions || !latest) {
    return '—';
  }
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <MuiLink
        component="button"
        type="button"
        onClick={() => onPreview(latest)}
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
          onClick={() => onVersions(latest.kind)}
          aria-label={translate('pd.documents.versions_of', { title })}
        >
          {translate('pd.documents.version_count', { smart_count: versions.length })}
        </MuiLink>
      )}
    </Stack>
  );
}

/** A small icon button whose label is both its tooltip and its accessible name. */
export function IconAction({
  label,
  icon,
  onClick,
}: {
  label: string;
  icon: ReactNode;
  onClick: () => void;
}) {
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={onClick}>
        {icon}
      </IconButton>
    </Tooltip>
  );
}
