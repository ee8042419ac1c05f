import { describe, expect, it } from 'vitest';
import { dteLineOrder } from '../../src/csv/index.js';

const line = (id: string) =>
  `2025-06-30,vsic2018-ict-v1,${id},"Công ty ${id}",38,Thanh Hóa,,,it_services,6201,2020-01-01,active,vsic2018`;

describe('the order of DTE lines', () => {
  it('is the order of their text: an enterprise before its units, units by number, ids as digits', () => {
    const ids = [
      '0100109106',
      '0100109106-001',
      '0100109106-010',
      '0100109106-999',
      '0100109107',
      '0000000001',
      '9999999999',
      '9999999999-999',
      '2801234567-002',
      '2801234567',
      '2801234568',
    ];
    const lines = ids.map(line);
    const byText = [...lines].sort();
    const orderOf = (text: string) => dteLineOrder(Buffer.from(text));
    const byOrder = [...lines].sort((a, b) => orderOf(a) - orderOf(b));
    expect(byOrder).toEqual(byText);
    expect(new Set(lines.map(orderOf)).size).toBe(lines.length);
  });

  it('reads a line where it lies among others, from its start to its end', () => {
    const text = Buffer.from(`${line('0100109106-001')}\r\n${line('0000000007')}\r\n`);
    const second = text.indexOf('\r\n') + 2;
    expect(dteLineOrder(text, 0, second - 2)).toBe(100109106 * 1001 + 2);
    expect(dteLineOrder(text, second, text.length - 2)).toBe(7 * 1001);
    // The first 10 digits of a line cut short are not an id followed by a comma.
    const id = second + '2025-06-30,vsic2018-ict-v1,'.length;
    expect(() => dteLineOrder(text, second, id + 10)).toThrow(/does not start with an enterprise id/);
  });

  it('refuses a line whose id, after the date and rule set, is no enterprise id', () => {
    const bads = ['010010910,x', '0100109106x', '0100109106-01,x', '01001O9106,x', ''];
    for (const bad of [
      ...bads.map((b) => `2025-06-30,vsic2018-ict-v1,${b}`),
      '0100109106,x',
      '2025-06-30,0100109106,x',
    ])
      expect(() => dteLineOrder(Buffer.from(bad)), bad).toThrow(/does not start with an enterprise id/);
  });
});
