import { describe, expect, it } from 'vitest';
import { LineBuffer } from '../../src/staging/lineBuffer.js';

describe('line buffers', () => {
  it('hold lines as UTF-8 with a newline each, growing past their first size and starting afresh after take', () => {
    const lines = new LineBuffer(8);
    const text = ['Công ty TNHH Phần mềm Hàm Rồng', '', 'x'.repeat(100), 'Đắk Lắk 😀'];
    expect(lines.fits(text[0]!)).toBe(false);
    for (const line of text) lines.write(line);
    const first = Buffer.from(lines.take());
    expect(first.toString('utf8')).toBe(`${text.join('\n')}\n`);
    expect(lines.length).toBe(0);
    lines.write('again');
    expect(Buffer.from(lines.take()).toString('utf8')).toBe('again\n');
    expect(first.toString('utf8')).toBe(`${text.join('\n')}\n`);
  });

  it('fill a recycled buffer again, and keep none that grew past their size', () => {
    const lines = new LineBuffer(64);
    lines.write('first');
    const first = lines.take();
    lines.recycle(first);
    lines.write('second');
    const second = lines.take();
    expect(second.buffer).toBe(first.buffer);
    expect(Buffer.from(second).toString('utf8')).toBe('second\n');
    lines.write('y'.repeat(100)); // grows past 64 bytes: a buffer of its own, not kept for reuse
    const grown = lines.take();
    lines.recycle(grown);
    lines.write('third');
    expect(lines.take().buffer).not.toBe(grown.buffer);
  });
});
