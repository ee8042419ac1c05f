import { VN_DKKD_HEADER } from '../../src/reference/vocabulary.js';

/** Builds small `vn-dkkd-csv` exports for tests, row by row, with the real Vietnamese headers. */
export const VN_HEADERS = VN_DKKD_HEADER;

export interface VnRow {
  id: string;
  name: string;
  province: string;
  legacy?: string;
  founded: string;
  main: string;
  other?: string;
  status?: string;
  form?: string;
  capital?: string;
  updated?: string;
  address?: string;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function vnExport(rows: VnRow[]): string {
  const lines = [VN_HEADERS.join(',')];
  for (const r of rows) {
    const cells = [
      r.id,
      r.name,
      r.province,
      r.legacy ?? '',
      r.founded,
      r.main,
      r.other ?? '',
      r.status ?? 'Đang hoạt động',
      r.form ?? 'Công ty TNHH',
      r.capital ?? '',
      r.updated ?? '',
      r.address ?? '',
    ];
    lines.push(cells.map(quote).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
