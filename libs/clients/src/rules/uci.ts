/**
 * IRCC's unique client identifier (UCI): 8 or 10 digits, often written in groups (`1234-5678`,
 * `12-3456-7890`). Returns the digits only, or null when the value is not a UCI.
 */
export function normalizeUci(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\d+(?:[ -]\d+)*$/.test(trimmed)) {
    return null;
  }
  const digits = trimmed.replace(/[ -]/g, '');
  return digits.length === 8 || digits.length === 10 ? digits : null;
}
