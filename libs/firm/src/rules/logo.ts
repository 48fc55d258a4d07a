/** The largest logo accepted, in bytes. */
export const LOGO_MAX_BYTES = 200 * 1024;

export type LogoContentType = 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The image type of a logo from its first bytes (never from a name or a declared type): PNG or JPEG, else null.
 * SVG is refused on purpose: it may carry script.
 */
export function logoContentType(bytes: Uint8Array): LogoContentType | null {
  if (bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    return 'image/png';
  }
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  return null;
}

/** Why a logo is refused (the message of a 400 on `logo`), or null when it is fine. */
export function logoProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) {
    return 'logo must be a PNG or JPEG image; the request body was empty';
  }
  if (bytes.length > LOGO_MAX_BYTES) {
    return `logo must be at most ${LOGO_MAX_BYTES / 1024} KB`;
  }
  if (logoContentType(bytes) === null) {
    return 'logo must be a PNG or JPEG image (SVG, GIF and other types are not accepted)';
  }
  return null;
}
