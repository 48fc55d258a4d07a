import { extname } from 'node:path';
import { parseCsvRecords, type RefusedAreaListInput } from '@app/reference-data';

export interface RefusedAreasFileOptions {
  from?: string;
  to?: string;
  source?: string;
  note?: string;
}

/**
 * Reads a quarter's refused-CMA list for `import-refused-areas`.
 * - `.json`: `{effectiveFrom, effectiveTo, source, note?, areas: [{name, provinceCode, unemploymentRate?}]}` (the
 *   body of PUT /api/reference/lmia-refused-areas);
 * - `.csv`: columns `name,province_code[,unemployment_rate]`, the dates and source given as --from, --to, --source.
 * Options override what a JSON file says. Checking the values is left to the service (the same rules as the API).
 */
export function parseRefusedAreasFile(
  path: string,
  text: string,
  options: RefusedAreasFileOptions,
): RefusedAreaListInput {
  const kind = extname(path).toLowerCase();
  let list: Partial<RefusedAreaListInput>;
  if (kind === '.json') {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`${path}: expected an object with effectiveFrom, effectiveTo, source and areas`);
    }
    list = parsed;
  } else if (kind === '.csv') {
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const withRate = header
      .split(',')
      .map((column) => column.trim())
      .includes('unemployment_rate');
    const rows = parseCsvRecords(text, [
      'name',
      'province_code',
      ...(withRate ? ['unemployment_rate' as const] : []),
    ]);
    list = {
      areas: rows.map((row) => {
        const rate = (row as Record<string, string>).unemployment_rate?.trim();
        return {
          name: row.name,
          provinceCode: row.province_code.trim().toUpperCase(),
          unemploymentRate: rate ? Number(rate) : null,
        };
      }),
    };
  } else {
    throw new Error(`${path}: expected a .csv or .json file`);
  }
  const effectiveFrom = options.from ?? list.effectiveFrom;
  const source = options.source ?? list.source;
  if (!effectiveFrom || !source) {
    throw new Error('The list needs its first day and source: give --from YYYY-MM-DD and --source https://…');
  }
  return {
    effectiveFrom,
    effectiveTo: options.to ?? list.effectiveTo ?? null,
    source,
    note: options.note ?? list.note ?? null,
    areas: list.areas ?? [],
  };
}
