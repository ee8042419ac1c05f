import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dteTextInOrder } from '../../src/staging/dteLines.js';
import { dteListChunks, mergeDteLines } from '../../src/staging/dteMerge.js';

const line = (id: string, name = `Công ty ${id}`) =>
  `2025-06-30,vsic2018-ict-v1,${id},"${name}",38,Thanh Hóa,,,it_services,6201,2020-01-01,active,vsic2018`;

/** A text as a stream cut every `size` bytes, so that lines (and UTF-8 characters) straddle chunks. */
function pieces(text: string, size: number): Readable {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
}

async function merged(texts: string[], size = 7): Promise<string> {
  const lines: Buffer[] = [];
  for await (const l of mergeDteLines(texts.map((t) => pieces(t, size)))) lines.push(l);
  return Buffer.concat(lines).toString('utf8');
}

describe('the DTE list merged from the partitions', () => {
  it('gives every line of sorted texts in id order, each with its CRLF, as the in-memory sort did', async () => {
    const a = `${line('0100109106')}\r\n${line('2801234567')}\r\n`;
    const b = `${line('0100109106-001', 'Chi nhánh Hàm Rồng')}\r\n\r\n${line('0100109106-002')}`;
    const all = [
      line('0100109106'),
      line('0100109106-001', 'Chi nhánh Hàm Rồng'),
      line('0100109106-002'),
      line('2801234567'),
    ];
    expect(await merged([a, '', b])).toBe(`${all.join('\r\n')}\r\n`);
    // The same bytes as classify's sort of the lines of every partition together.
    expect(await merged([a, b], 3)).toBe(dteTextInOrder(Buffer.from(`${b}\r\n${a}`)).toString('utf8'));
  });

  it('puts the header first and counts the lines, in chunks of the size asked', async () => {
    const count = { lines: 0 };
    const texts = [`${line('0100109106')}\r\n`, `${line('0200000001')}\r\n${line('0300000001')}\r\n`];
    const chunks: Buffer[] = [];
    for await (const c of dteListChunks(
      Buffer.from('\uFEFFhead\r\n'),
      texts.map((t) => pieces(t, 5)),
      count,
      100,
    ))
      chunks.push(c);
    expect(count.lines).toBe(3);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.slice(0, -1).every((c) => c.length >= 100)).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(
      `\uFEFFhead\r\n${[line('0100109106'), line('0200000001'), line('0300000001')].join('\r\n')}\r\n`,
    );
  });

  it('refuses an id in two partitions and a partition out of order', async () => {
    await expect(
      merged([`${line('0100109106')}\r\n`, `${line('0100109106', 'Another')}\r\n`]),
    ).rejects.toThrow(/twice in the DTE list/);
    await expect(merged([`${line('2801234567')}\r\n${line('0100109106')}\r\n`])).rejects.toThrow(
      /not in id order/,
    );
  });
});
