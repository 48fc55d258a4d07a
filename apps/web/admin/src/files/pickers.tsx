import { Autocomplete, TextField as MuiTextField } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useInput, useTranslate, useLocale } from 'react-admin';
import { useApi } from '../common/useApi';
import { PROVINCE_CODES } from '@app/provinces';
import type { Schemas } from '@app/api-client';
import { apiClient, send } from '../dataProvider';

export type ExemptionCode = Schemas['ExemptionCodeResponse'];

/** A code's status in a few words ("closed on 2026-03-22", "restricted from 2025-01-21"); empty for a plain current code. */
export function codeStatusText(c: ExemptionCode, translate: ReturnType<typeof useTranslate>): string {
  const parts: string[] = [];
  if ((c.status === 'closed' || c.status === 'pilot_closed') && c.closedOn) {
    parts.push(translate('pd.files.code_closed_on', { date: c.closedOn }));
  } else if (c.status === 'retired' && c.retiredOn) {
    parts.push(translate('pd.files.code_retired_on', { date: c.retiredOn }));
  } else if (c.status === 'pilot_closed_check') {
    parts.push(translate('pd.files.code_pilot_check'));
  } else if (!c.isCurrent) {
    parts.push(translate('pd.files.retired'));
  }
  if (c.restrictedFrom) {
    parts.push(translate('pd.files.code_restricted_from', { date: c.restrictedFrom }));
  }
  return parts.join(', ');
}

export function useExemptionCodes(): ExemptionCode[] {
  return useApi<ExemptionCode[]>('/api/reference/exemption-codes?status=all').data ?? [];
}

/**
 * IRCC exemption codes with their titles and whether the permit is open or employer-specific. New files
 * offer only current codes; a file already on a retired code keeps it.
 */
export function ExemptionCodeInput({ source, label }: { source: string; label?: string }) {
  const translate = useTranslate();
  const codes = useExemptionCodes();
  const { field, fieldState } = useInput({ source });
  const options = codes.filter((c) => c.isCurrent || c.code === field.value);
  const value = options.find((c) => c.code === field.value) ?? null;
  const [typed, setTyped] = useState('');
  const describe = (c: ExemptionCode) => {
    const status = codeStatusText(c, translate);
    return `${c.code} — ${c.title} (${translate(`pd.permitType.${c.permitType}`)}${status ? `, ${status}` : ''})`;
  };
  return (
    <Autocomplete
      options={options}
      value={value}
      onChange={(_, chosen) => field.onChange(chosen?.code ?? null)}
      onInputChange={(_, text) => setTyped(text)}
      onBlur={field.onBlur}
      getOptionLabel={describe}
      noOptionsText={noCurrentCodeText(typed, codes, translate)}
      groupBy={(c) => c.category}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      renderInput={(params) => (
        <MuiTextField
          {...params}
          name={field.name}
          label={label ?? translate('resources.files.fields.imp.exemptionCode')}
          error={!!fieldState.error}
          helperText={fieldState.error?.message ?? ' '}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'exemption-code' },
          }}
        />
      )}
      sx={{ mb: 1 }}
      fullWidth
    />
  );
}

/**
 * Why a typed code offers nothing: a retired code names the codes that replaced it ("C12 was replaced by C61,
 * C62, C63"), a closed one the day it closed; else react-admin's "no results".
 */
export function noCurrentCodeText(
  typed: string,
  codes: ExemptionCode[],
  translate: ReturnType<typeof useTranslate>,
): string {
  const text = typed.trim().toUpperCase();
  const code = codes.find((c) => c.code === text && !c.isCurrent);
  if (code?.replacedBy?.length) {
    return translate('pd.files.code_replaced', { code: code.code, codes: code.replacedBy.join(', ') });
  }
  if (code) {
    const date = code.closedOn ?? code.retiredOn;
    return date
      ? translate('pd.files.code_closed_hint', { code: code.code, date })
      : `${code.code}: ${codeStatusText(code, translate)}`;
  }
  return translate('ra.navigation.no_results');
}

type NocGroup = Pick<Schemas['NocUnitGroupResponse'], 'code' | 'title' | 'teer'>;

/** NOC 2021 unit groups, searched by code or title as one types (GET /api/reference/noc?q=). */
export function NocInput({ source, initialTitle }: { source: string; initialTitle?: string | null }) {
  const translate = useTranslate();
  const lang = useLocale() === 'fr' ? 'fr' : 'en';
  const { field, fieldState } = useInput({ source });
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<NocGroup[]>([]);
  const current = useMemo<NocGroup | null>(
    () => (field.value ? { code: field.value as string, title: initialTitle ?? '', teer: -1 } : null),
    [],
  );
  const [value, setValue] = useState<NocGroup | null>(current);
  useEffect(() => {
    const q = query.trim();
    if (!q || (value && q === label(value))) {
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      send(apiClient.GET('/api/reference/noc', { params: { query: { q, limit: 20, lang } } })).then(
        (found) => live && setOptions(found),
        () => live && setOptions([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, value, lang]);
  function label(group: NocGroup) {
    return group.title ? `${group.code} — ${group.title}` : group.code;
  }
  return (
    <Autocomplete
      options={options}
      value={value}
      filterOptions={(x) => x}
      onInputChange={(_, text) => setQuery(text)}
      onChange={(_, chosen) => {
        setValue(chosen);
        field.onChange(chosen?.code ?? null);
      }}
      onBlur={field.onBlur}
      getOptionLabel={label}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      noOptionsText={translate('pd.files.noc_hint')}
      renderInput={(params) => (
        <MuiTextField
          {...params}
          name={field.name}
          label={translate('resources.files.fields.nocCode')}
          error={!!fieldState.error}
          helperText={fieldState.error?.message ?? translate('pd.files.noc_hint')}
        />
      )}
      sx={{ mb: 1 }}
      fullWidth
    />
  );
}

export type LmiaStream = Schemas['LmiaStreamResponse'];

export function useLmiaStreams(): LmiaStream[] {
  return useApi<LmiaStream[]>('/api/reference/lmia-streams').data ?? [];
}

/** The file's NOC title in the UI's language: the CNP 2021 title in French where the reference data has it. */
export function nocTitleOf(record: Record<string, unknown> | undefined, locale: string): string | undefined {
  const fr = record?.nocTitleFr as string | null | undefined;
  return (locale === 'fr' && fr ? fr : (record?.nocTitle as string | null | undefined)) ?? undefined;
}

/** Provinces by name in the reader's language (pd.provinceName), e.g. "Québec". */
export const provinceChoices = PROVINCE_CODES.map((id) => ({ id, name: `pd.provinceName.${id}` }));

/** LMIA streams named in the reader's language (pd.lmiaStreamName), the reference data's name otherwise. */
export function useLmiaStreamChoices(
  streams: { id: string; name: string }[],
): { id: string; name: string }[] {
  const translate = useTranslate();
  return streams.map((s) => ({ id: s.id, name: translate(`pd.lmiaStreamName.${s.id}`, { _: s.name }) }));
}
