import MarkdownIt from 'markdown-it';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { drawable } from '@app/shared';

/** One person's signature as the signature page prints it. */
export interface PdfSigner {
  role: string;
  name: string;
  detail?: string;
  signedAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface AgreementPdfInput {
  language: 'en' | 'fr';
  title: string;
  fileNumber: string;
  version: number;
  body: string;
  bodySha256: string;
  signers: PdfSigner[];
}

const WORDS = {
  en: {
    signatures: 'Signature page',
    file: 'File',
    version: 'Agreement version',
    signedAt: 'Signed at (UTC)',
    ip: 'Internet address',
    userAgent: 'Device (user agent)',
    typed: 'Signature',
    fingerprint: 'SHA-256 of the agreement text',
    note: 'The fingerprint is computed over the agreement text (UTF-8 Markdown) exactly as both parties signed it.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    unknown: 'not recorded',
  },
  fr: {
    signatures: 'Page des signatures',
    file: 'Dossier',
    version: 'Version de la convention',
    signedAt: 'Signé le (UTC)',
    ip: 'Adresse Internet',
    userAgent: 'Appareil (agent utilisateur)',
    typed: 'Signature',
    fingerprint: 'SHA-256 du texte de la convention',
    note: 'L’empreinte est calculée sur le texte de la convention (Markdown UTF-8) tel que les deux parties l’ont signé.',
    page: (n: number, of: number) => `Page ${n} de ${of}`,
    unknown: 'non consigné',
  },
} as const;

const PAGE = { width: 612, height: 792, margin: 56 };
const BODY_SIZE = 10.5;

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

interface Block {
  kind: 'heading' | 'paragraph' | 'item';
  level: number;
  runs: Run[];
}

/** Headings, paragraphs and list items of Markdown (markdown-it, HTML off), as runs of plain, bold or italic text. */
export function markdownBlocks(markdown: string): Block[] {
  const tokens = new MarkdownIt({ html: false, linkify: false }).parse(markdown, {});
  const blocks: Block[] = [];
  let kind: Block['kind'] = 'paragraph';
  let level = 0;
  let inItem = 0;
  for (const token of tokens) {
    if (token.type === 'heading_open') {
      kind = 'heading';
      level = Number(token.tag.slice(1));
    } else if (token.type === 'list_item_open') {
      inItem++;
    } else if (token.type === 'list_item_close') {
      inItem--;
    } else if (token.type === 'paragraph_open') {
      kind = inItem > 0 ? 'item' : 'paragraph';
    } else if (token.type === 'inline') {
      const runs: Run[] = [];
      let bold = false;
      let italic = false;
      for (const child of token.children ?? []) {
        if (child.type === 'strong_open' || child.type === 'strong_close') {
          bold = child.type === 'strong_open';
        } else if (child.type === 'em_open' || child.type === 'em_close') {
          italic = child.type === 'em_open';
        } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
          runs.push({ text: ' ', bold, italic });
        } else if (child.type === 'text' || child.type === 'code_inline') {
          runs.push({ text: child.content, bold, italic });
        }
      }
      blocks.push({ kind, level, runs });
      kind = 'paragraph';
    }
  }
  return blocks;
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont; italic: PDFFont },
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  private fontOf(run: Pick<Run, 'bold' | 'italic'>): PDFFont {
    return run.bold ? this.fonts.bold : run.italic ? this.fonts.italic : this.fonts.regular;
  }

  /** Word-wrapped runs; `indent` for list items, `bullet` drawn in the margin of the first line. */
  write(
    runs: Run[],
    size: number,
    options: { indent?: number; bullet?: boolean; after?: number } = {},
  ): void {
    const indent = options.indent ?? 0;
    const width = PAGE.width - 2 * PAGE.margin - indent;
    const lineHeight = size * 1.35;
    const words: { text: string; font: PDFFont }[] = [];
    for (const run of runs) {
      const font = this.fontOf(run);
      for (const part of drawable(font, run.text).split(/(\s+)/)) {
        if (part !== '') {
          words.push({ text: /^\s+$/.test(part) ? ' ' : part, font });
        }
      }
    }
    let line: { text: string; font: PDFFont }[] = [];
    let lineWidth = 0;
    let first = true;
    const flush = () => {
      while (line.length > 0 && line[line.length - 1].text === ' ') {
        line.pop();
      }
      if (this.y - lineHeight < PAGE.margin) {
        this.newPage();
      }
      this.y -= lineHeight;
      if (first && options.bullet) {
        this.page.drawText('•', { x: PAGE.margin + indent - 10, y: this.y, size, font: this.fonts.regular });
      }
      let x = PAGE.margin + indent;
      for (const word of line) {
        this.page.drawText(word.text, { x, y: this.y, size, font: word.font, color: rgb(0.1, 0.12, 0.15) });
        x += word.font.widthOfTextAtSize(word.text, size);
      }
      line = [];
      lineWidth = 0;
      first = false;
    };
    for (const word of words) {
      const w = word.font.widthOfTextAtSize(word.text, size);
      if (word.text === ' ' && line.length === 0) {
        continue;
      }
      if (lineWidth + w > width && line.length > 0) {
        flush();
        if (word.text === ' ') {
          continue;
        }
      }
      line.push(word);
      lineWidth += w;
    }
    if (line.length > 0 || first) {
      flush();
    }
    this.y -= options.after ?? size * 0.6;
  }
}

/**
 * The signed agreement as a PDF: the text (Markdown rendered as headings, paragraphs and list items), then a
 * signature page with each signer, the UTC time, address and user agent, and the SHA-256 of the text. Pure: the
 * same input gives the same bytes (the PDF's dates are fixed to the last signature).
 */
export async function renderAgreementPdf(input: AgreementPdfInput): Promise<Buffer> {
  const w = WORDS[input.language];
  const pdf = await PDFDocument.create();
  const lastSigned = input.signers.reduce((at, s) => (s.signedAt > at ? s.signedAt : at), new Date(0));
  pdf.setTitle(`${input.title} – ${input.fileNumber} v${input.version}`);
  pdf.setProducer('PermitDesk');
  pdf.setCreator('PermitDesk');
  pdf.setCreationDate(lastSigned);
  pdf.setModificationDate(lastSigned);
  const fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  const writer = new Writer(pdf, fonts);
  for (const block of markdownBlocks(input.body)) {
    if (block.kind === 'heading') {
      const size = block.level === 1 ? 17 : block.level === 2 ? 13 : 11.5;
      writer.write(
        block.runs.map((r) => ({ ...r, bold: true })),
        size,
        { after: 4 },
      );
    } else if (block.kind === 'item') {
      writer.write(block.runs, BODY_SIZE, { indent: 16, bullet: true, after: 2 });
    } else {
      writer.write(block.runs, BODY_SIZE);
    }
  }

  writer.newPage();
  const plain = (text: string, bold = false): Run[] => [{ text, bold, italic: false }];
  writer.write(plain(w.signatures, true), 17, { after: 6 });
  writer.write(plain(`${w.file}: ${input.fileNumber} · ${w.version}: ${input.version}`), BODY_SIZE, {
    after: 12,
  });
  for (const signer of input.signers) {
    writer.write(plain(signer.role, true), 12, { after: 2 });
    writer.write(
      plain(`${w.typed}: ${signer.name}${signer.detail ? ` (${signer.detail})` : ''}`),
      BODY_SIZE,
      {
        after: 1,
      },
    );
    writer.write(plain(`${w.signedAt}: ${signer.signedAt.toISOString()}`), BODY_SIZE, { after: 1 });
    writer.write(plain(`${w.ip}: ${signer.ip ?? w.unknown}`), BODY_SIZE, { after: 1 });
    writer.write(plain(`${w.userAgent}: ${signer.userAgent ?? w.unknown}`), BODY_SIZE, { after: 12 });
  }
  writer.write(plain(w.fingerprint, true), 12, { after: 2 });
  writer.write(plain(input.bodySha256), BODY_SIZE, { after: 4 });
  writer.write([{ text: w.note, bold: false, italic: true }], 9);

  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    page.drawText(w.page(i + 1, pages.length), {
      x: PAGE.margin,
      y: PAGE.margin / 2,
      size: 8,
      font: fonts.regular,
      color: rgb(0.45, 0.5, 0.55),
    });
  });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
