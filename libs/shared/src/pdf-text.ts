import type { PDFFont } from 'pdf-lib';

/** Characters the standard PDF fonts (WinAnsi) cannot draw become "?" rather than failing the whole PDF. */
export function drawable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}
