import { describe, expect, it } from 'vitest';
import { DteLines } from '../../src/staging/dteLines.js';

const line = (id: string, name = `Công ty ${id}`) =>
  `2025-06-30,vsic2018-ict-v1,${id},"${name}",38,Thanh Hóa,,,it_services,6201,2020-01-01,active,vsic2018`;

describe('the DTE list of a run', () => {
  it('puts the lines of every partition in id order after the header, each with its CRLF', () => {
    const lines = new DteLines();
    lines.add(Buffer.from(`${line('2801234567')}\r\n${line('0100109106-002')}\r\n`));
    lines.add(Buffer.from(''));
    // A last line without its CRLF still gets one; an empty line is no line.
    lines.add(Buffer.from(`${line('0100109106')}\r\n\r\n${line('0100109106-001', 'Chi nhánh Hàm Rồng')}`));
    const text = lines.inOrder(Buffer.from('\uFEFFheader\r\n')).toString('utf8');
    expect(lines.count).toBe(4);
    expect(text).toBe(
      `\uFEFFheader\r\n${[line('0100109106'), line('0100109106-001', 'Chi nhánh Hàm Rồng'), line('0100109106-002'), line('2801234567')].join('\r\n')}\r\n`,
    );
  });

  it('refuses an enterprise found twice, and a line that does not start with an id', () => {
    const twice = new DteLines();
    twice.add(Buffer.from(`${line('0100109106')}\r\n`));
    twice.add(Buffer.from(`${line('0100109106', 'Another name')}\r\n`));
    expect(() => twice.inOrder(Buffer.alloc(0))).toThrow(/twice in the DTE list/);
    expect(() => new DteLines().add(Buffer.from('name first,0100109106\r\n'))).toThrow(
      /does not start with an enterprise id/,
    );
  });
});
