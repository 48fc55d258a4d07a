import { ALLOWED_CONTENT_TYPES } from './content-types';

const MAX_NAME_LENGTH = 255;

/**
 * An uploaded file's name made safe to show: the last path segment only, no control, bidirectional-override or
 * zero-width characters, trimmed, at most 255 characters (keeping the extension), `document` when nothing is
 * left. Never used as a storage path.
 */
export function displayFileName(raw: string | undefined): string {
  const lastSegment = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    // Control characters are exactly what this removes.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .trim()
    .replace(/^\.+/, '');
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
  }
  return name || 'document';
}

/** The download name: the display name, with the sniffed type's extension added when it has another one. */
export function downloadFileName(displayName: string, contentType: string): string {
  const extension = ALLOWED_CONTENT_TYPES[contentType];
  if (!extension) {
    return displayName;
  }
  const lower = displayName.toLowerCase();
  const matches =
    lower.endsWith(`.${extension}`) ||
    (extension === 'jpg' && lower.endsWith('.jpeg')) ||
    (extension === 'heic' && lower.endsWith('.heif'));
  return matches ? displayName : `${displayName}.${extension}`;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback `filename` and the exact name as an RFC 5987
 * `filename*` (UTF-8, percent-encoded), so no name can break out of the header.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
