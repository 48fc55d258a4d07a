/** `WP-2026-00042`: the year the file was opened (firm time zone) and its place in that year. */
export const FILE_NUMBER_PATTERN = /^WP-\d{4}-\d{5,}$/;

export function formatFileNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(sequence) || sequence < 1) {
    throw new Error(`Cannot number file ${sequence} of ${year}`);
  }
  return `WP-${year}-${String(sequence).padStart(5, '0')}`;
}
