export type TableCell = string | number | null;

/** Rows as aligned text columns under their names, numbers right-aligned, null shown empty. */
export function textTable(columns: readonly string[], rows: ReadonlyArray<readonly TableCell[]>): string {
  const text = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((row) => row[i]?.length ?? 0)));
  const numeric = columns.map(
    (_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(columns), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n')}\n`;
}
