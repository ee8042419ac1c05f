import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../src/csv/index.js';

describe('csv cells', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tTab')).toBe("'\tTab");
    expect(csvCell('\rCR')).toBe(`"'\rCR"`);
  });

  it('quotes delimiters, quotes and line breaks, and leaves plain Vietnamese text alone', () => {
    expect(csvCell('Công ty "Thăng Long", Hà Nội')).toBe('"Công ty ""Thăng Long"", Hà Nội"');
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvCell('Thanh Hóa')).toBe('Thanh Hóa');
  });

  it('writes numbers bare and null as an empty cell, lines end in CRLF', () => {
    expect(csvLine(['a', 12, null, 0])).toBe('a,12,,0\r\n');
  });
});
