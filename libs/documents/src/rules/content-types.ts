/** The types a document may be, as sniffed from its first bytes, with the extension a download gets. */
export const ALLOWED_CONTENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** How many leading bytes the type is sniffed from (a DOCX is recognised by its first ZIP entries). */
export const SNIFF_BYTES = 64 * 1024;

export function isAllowedContentType(mime: string | undefined): mime is string {
  return mime !== undefined && Object.hasOwn(ALLOWED_CONTENT_TYPES, mime);
}
