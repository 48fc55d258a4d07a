import { PROVINCE_CODES, type Province } from '../reference-data.types';
import { isProvinceCode } from '../provinces';
import { fail, readJson } from './source-files';

interface SourceProvince {
  code: string;
  name_en: string;
  name_fr: string;
  type: string;
  sgc_code: string;
}

export function loadProvinces(dir: string): Province[] {
  const file = 'provinces.json';
  const provinces = readJson<SourceProvince[]>(dir, file).map((row): Province => {
    if (!isProvinceCode(row.code)) {
      fail(file, `unknown province code ${row.code}`);
    }
    if (row.type !== 'province' && row.type !== 'territory') {
      fail(file, `${row.code} has type ${row.type}`);
    }
    return {
      code: row.code,
      nameEn: row.name_en,
      nameFr: row.name_fr,
      type: row.type,
      sgcCode: row.sgc_code,
    };
  });
  if (provinces.length !== PROVINCE_CODES.length) {
    fail(file, `expected ${PROVINCE_CODES.length} provinces and territories, found ${provinces.length}`);
  }
  return provinces;
}
