import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import {
  Button,
  CreateButton,
  FilterButton,
  TopToolbar,
  useListContext,
  useLocale,
  useNotify,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { queryString } from '../../../shared/http';
import { download } from './download';

/** The list's filters as the API takes them: set values only. */
function setFilters(values: Record<string, unknown>): Record<string, string | number | boolean> {
  const filters: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      filters[key] = value;
    }
  }
  return filters;
}

/**
 * Downloads the whole filtered list as CSV from `{path}/export.csv` (the server streams every page), through a
 * fetch that carries the token in its header, never in a URL. Headers and labels follow the UI's language.
 */
export function ExportCsvButton({ path }: { path: string }) {
  const list = useListContext();
  const filterValues = list.filterValues as Record<string, unknown>;
  const resource = list.resource;
  const notify = useNotify();
  const translate = useTranslate();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);

  const downloadList = async () => {
    setBusy(true);
    try {
      const url = `${path}/export.csv${queryString({ ...setFilters(filterValues), lang: locale === 'fr' ? 'fr' : 'en' })}`;
      await download(url, `${resource}.csv`, 'text/csv');
    } catch (error) {
      notify(
        translate('pd.export.failed', { reason: error instanceof Error ? error.message : String(error) }),
        {
          type: 'error',
        },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="ra.action.export" onClick={() => void downloadList()} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
}

/** A list's toolbar: its filter and create buttons as react-admin shows them, `children`, then the CSV export. */
export function ExportListActions({ path, children }: { path: string; children?: React.ReactNode }) {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate && <CreateButton />}
      {children}
      <ExportCsvButton path={path} />
    </TopToolbar>
  );
}
