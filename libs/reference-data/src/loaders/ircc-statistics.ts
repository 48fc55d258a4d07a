import { type WorkPermitHoldersRow, type WorkPermitsIssuedRow } from '../reference-data.types';
import { isProvinceCode } from '../provinces';
import { fail, readCsv } from './source-files';

export function loadWorkPermitHolders(dir: string): WorkPermitHoldersRow[] {
  const file = 'ircc-work-permit-holders-dec31-by-province.csv';
  const rows = readCsv(dir, file, [
    'program',
    'province_code',
    'province_name',
    'year',
    'holders_on_dec31',
    'suppressed_0_to_5',
  ] as const);
  return rows.map((row, index): WorkPermitHoldersRow => {
    const where = `row ${index + 2}`;
    if (row.program !== 'IMP' && row.program !== 'TFWP') {
      fail(file, `${where}: unknown program ${row.program}`);
    }
    const code = row.province_code;
    if (code !== '' && code !== 'CA' && !isProvinceCode(code)) {
      fail(file, `${where}: unknown province code ${code}`);
    }
    const suppressed = row.suppressed_0_to_5 === 'True';
    if (!suppressed && row.suppressed_0_to_5 !== 'False') {
      fail(file, `${where}: suppressed_0_to_5 is ${row.suppressed_0_to_5}`);
    }
    const holders = row.holders_on_dec31 === '' ? null : Number(row.holders_on_dec31);
    if ((holders === null) !== suppressed || (holders !== null && !Number.isInteger(holders))) {
      fail(
        file,
        `${where}: holders_on_dec31 ${row.holders_on_dec31} does not fit suppressed ${row.suppressed_0_to_5}`,
      );
    }
    const year = Number(row.year);
    if (!/^\d{4}$/.test(row.year)) {
      fail(file, `${where}: year ${row.year}`);
    }
    return {
      program: row.program,
      provinceCode: code === '' ? null : code,
      provinceName: row.province_name,
      year,
      holdersOnDec31: holders,
      suppressed,
    };
  });
}

export function loadWorkPermitsIssued(dir: string): WorkPermitsIssuedRow[] {
  const file = 'ircc-work-permits-issued-by-province.csv';
  const seen = new Set<string>();
  return readCsv(dir, file, ['program', 'province_code', 'year', 'permits_effective'] as const).map(
    (row, index) => {
      const where = `row ${index + 2}`;
      if (row.program !== 'IMP' && row.program !== 'TFWP') {
        fail(file, `${where}: unknown program ${row.program}`);
      }
      const code = row.province_code;
      if (code !== 'CA' && !isProvinceCode(code)) {
        fail(file, `${where}: unknown province code ${code}`);
      }
      if (!/^\d{4}$/.test(row.year)) {
        fail(file, `${where}: year ${row.year}`);
      }
      if (!/^\d+$/.test(row.permits_effective)) {
        fail(file, `${where}: permits_effective ${row.permits_effective} is not a count`);
      }
      const key = `${row.program} ${code} ${row.year}`;
      if (seen.has(key)) {
        fail(file, `${where}: ${key} appears twice`);
      }
      seen.add(key);
      return {
        program: row.program,
        provinceCode: code,
        year: Number(row.year),
        permitsEffective: Number(row.permits_effective),
      };
    },
  );
}
