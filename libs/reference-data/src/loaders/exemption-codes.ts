import { toExemptionCode, type SourceExemptionCode } from '../rules/exemption-codes';
import { type ExemptionCode } from '../reference-data.types';
import { fail, readJson } from './source-files';

export function loadExemptionCodes(dir: string): ExemptionCode[] {
  const file = 'imp-exemption-codes.json';
  const codes = readJson<SourceExemptionCode[]>(dir, file).map((row) => {
    try {
      return toExemptionCode(row);
    } catch (error) {
      return fail(file, (error as Error).message);
    }
  });
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code.code)) {
      fail(file, `code ${code.code} appears twice`);
    }
    seen.add(code.code);
  }
  return codes;
}
