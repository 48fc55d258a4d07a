/**
 * Canada's provinces and territories by their two-letter codes (Canada Post, ISO 3166-2:CA), alphabetical. The one
 * list the API, the rules and the web UIs share (the UIs import it as @app/provinces), so it imports nothing.
 */
export const PROVINCE_CODES = [
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
] as const;
export type ProvinceCode = (typeof PROVINCE_CODES)[number];

export function isProvinceCode(code: string | null | undefined): code is ProvinceCode {
  return code != null && (PROVINCE_CODES as readonly string[]).includes(code);
}
