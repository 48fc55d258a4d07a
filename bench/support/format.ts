import type { SectionResult } from './context';

/** 1234.5 -> "1,235"; 12.34 -> "12.3"; 0.523 -> "0.52". */
export function num(value: number, digits?: number): string {
  if (!Number.isFinite(value)) {
    return '–';
  }
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-CA', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export function ms(value: number): string {
  return `${num(value)} ms`;
}

export function seconds(valueMs: number): string {
  return `${num(valueMs / 1000)} s`;
}

export function mb(bytes: number): string {
  return `${num(bytes / 1024 / 1024, 0)} MB`;
}

function pad(rows: string[][]): string[][] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))));
}

/** A section as aligned plain text for the console. */
export function consoleTable(section: SectionResult): string {
  const rows = pad([section.headers, ...section.rows.map((r) => r.map(String))]);
  const line = rows[0].map((c) => '-'.repeat(c.length)).join('  ');
  const out = [`\n${section.title}`, rows[0].join('  '), line, ...rows.slice(1).map((r) => r.join('  '))];
  for (const note of section.notes ?? []) {
    out.push(`  ${note}`);
  }
  return out.join('\n');
}

/** A section as Markdown. */
export function markdownTable(section: SectionResult): string {
  const row = (cells: (string | number)[]) =>
    `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  const align = section.headers.map((_, i) => (i === 0 ? ':--' : '--:'));
  const notes = (section.notes ?? []).map((n) => `- ${n}`);
  return [
    `## ${section.title}`,
    '',
    row(section.headers),
    row(align),
    ...section.rows.map(row),
    '',
    ...notes,
  ].join('\n');
}
