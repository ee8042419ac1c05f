import { describe, expect, it } from 'vitest';
import { LineBuffer } from '../../src/staging/lineBuffer.js';
import { writeLine } from '../support/lines.js';

describe('line buffers', () => {
  it('hold lines as UTF-8 with a newline each, growing past their first size and starting afresh after take', () => {
    const lines = new LineBuffer(8);
    const text = ['Công ty TNHH Phần mềm Hàm Rồng', '', 'x'.repeat(100), 'Đắk Lắk 😀'];
    for (const line of text) writeLine(lines, line);
    const first = Buffer.from(lines.take());
    expect(first.toString('utf8')).toBe(`${text.join('\n')}\n`);
    expect(lines.length).toBe(0);
    writeLine(lines, 'again');
    expect(Buffer.from(lines.take()).toString('utf8')).toBe('again\n');
    expect(first.toString('utf8')).toBe(`${text.join('\n')}\n`);
  });

  it('fill a recycled buffer again, and keep none that grew past their size', () => {
    const lines = new LineBuffer(64);
    writeLine(lines, 'first');
    const first = lines.take();
    lines.recycle(first);
    writeLine(lines, 'second');
    const second = lines.take();
    expect(second.buffer).toBe(first.buffer);
    expect(Buffer.from(second).toString('utf8')).toBe('second\n');
    writeLine(lines, 'y'.repeat(100)); // grows past 64 bytes: a buffer of its own, not kept for reuse
    const grown = lines.take();
    lines.recycle(grown);
    writeLine(lines, 'third');
    expect(lines.take().buffer).not.toBe(grown.buffer);
  });
});
