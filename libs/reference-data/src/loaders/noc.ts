import { type Noc2016Successors, type NocUnitGroup } from '../reference-data.types';
import { fail, readCsv } from './source-files';

export function loadNocUnitGroups(dir: string): NocUnitGroup[] {
  const file = 'noc-2021.csv';
  return readCsv(dir, file, ['code', 'title_en', 'title_fr', 'teer', 'broad_category'] as const).map(
    (row) => {
      if (!/^\d{5}$/.test(row.code)) {
        fail(file, `code ${row.code} is not 5 digits`);
      }
      return {
        code: row.code,
        title: row.title_en,
        titleFr: row.title_fr.trim() === '' ? null : row.title_fr.trim(),
        teer: Number(row.code[1]),
        broadCategory: row.broad_category,
      };
    },
  );
}

export function loadNoc2016(dir: string, groups: ReadonlyMap<string, NocUnitGroup>): Noc2016Successors[] {
  const file = 'noc-2016-to-2021.csv';
  const rows = readCsv(dir, file, [
    'noc2016_code',
    'noc2016_title',
    'gsim_change_type',
    'noc2021_code',
    'notes',
  ] as const);
  const byCode = new Map<string, Noc2016Successors>();
  for (const row of rows) {
    if (!/^\d{4}$/.test(row.noc2016_code)) {
      fail(file, `NOC 2016 code ${row.noc2016_code} is not 4 digits`);
    }
    const successor = groups.get(row.noc2021_code) ?? fail(file, `unknown NOC 2021 code ${row.noc2021_code}`);
    let entry = byCode.get(row.noc2016_code);
    if (!entry) {
      entry = {
        noc2016Code: row.noc2016_code,
        noc2016Title: row.noc2016_title,
        changeTypes: [],
        notes: null,
        successors: [],
      };
      byCode.set(row.noc2016_code, entry);
    }
    for (const change of row.gsim_change_type.split(',').map((part) => part.trim())) {
      if (change && !entry.changeTypes.includes(change)) {
        entry.changeTypes.push(change);
      }
    }
    entry.notes ??= row.notes.trim() || null;
    if (!entry.successors.includes(successor)) {
      entry.successors.push(successor);
    }
  }
  for (const entry of byCode.values()) {
    entry.successors.sort((a, b) => a.code.localeCompare(b.code));
    entry.changeTypes.sort();
  }
  return [...byCode.values()];
}
