/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted; a quoted field may hold commas, line breaks
 * and doubled quotes (""). Lines end with \n or \r\n. A trailing line break does not add an empty row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (field !== '') {
        throw new Error(`CSV: unexpected quote inside an unquoted field on row ${rows.length + 1}`);
      }
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') {
        i += 1;
      }
    } else {
      field += ch;
    }
    i += 1;
  }
  if (quoted) {
    throw new Error(`CSV: unterminated quoted field on row ${rows.length + 1}`);
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header row; every row must have as many fields as the header. */
export function parseCsvRecords<K extends string>(text: string, columns: readonly K[]): Record<K, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) {
    return [];
  }
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(`CSV: missing columns ${missing.join(', ')}`);
  }
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV: row ${index + 2} has ${row.length} fields, the header has ${header.length}`);
    }
    const record = {} as Record<K, string>;
    for (const column of columns) {
      record[column] = row[header.indexOf(column)];
    }
    return record;
  });
}
