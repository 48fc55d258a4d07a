import { inflateSync } from 'node:zlib';

/** The text operators of a PDF's pages, inflated: pdf-lib draws standard-font text as hex strings. */
export function drawnText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try {
      out += inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      // not a compressed stream
    }
  }
  return out;
}

/** A text as drawnText shows it: latin1 bytes in upper-case hex. */
export const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex').toUpperCase();

// WinAnsi's bytes 0x80–0x9F that are not Latin-1 (the ones PermitDesk's PDFs draw).
const WIN_ANSI: Record<number, string> = { 0x92: '’', 0x95: '•', 0x96: '–', 0x97: '—' };

/**
 * Every string a PDF's pages draw, decoded, one per line in drawing order: what a reader sees, as text to search
 * (`1 234,56 $` keeps its no-break spaces).
 */
export function pdfText(pdf: Buffer): string {
  const strings: string[] = [];
  for (const match of drawnText(pdf).matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
    const bytes = Buffer.from(match[1], 'hex');
    strings.push([...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(''));
  }
  return strings.join('\n');
}
