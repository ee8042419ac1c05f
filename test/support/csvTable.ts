/**
 * A plain RFC 4180 reader for tests, independent of `src/input`: the oracle that a written CSV is a
 * table (BOM dropped, quoted commas, doubled quotes and quoted line breaks, CRLF rows).
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The rows of a CSV as objects keyed by its header; throws when a row's width differs from the header's. */
export function csvObjects(text: string): { header: string[]; rows: Array<Record<string, string>> } {
  const [header = [], ...rest] = parseCsv(text);
  const rows = rest.map((cells, i) => {
    if (cells.length !== header.length)
      throw new Error(`row ${i + 2} has ${cells.length} cells, the header ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]!]));
  });
  return { header, rows };
}
