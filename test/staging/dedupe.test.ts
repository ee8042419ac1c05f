import { describe, expect, it } from 'vitest';
import { DEPENDENT, enterpriseKey } from '../../src/domain/enterpriseId.js';
import { Deduper } from '../../src/staging/dedupe.js';

describe('deduplication', () => {
  it('keys ids by number, a dependent unit apart from its enterprise, anything else not at all', () => {
    expect(enterpriseKey('0100109106')).toBe(100109106);
    expect(enterpriseKey('0100109106-001')).toBe(DEPENDENT + 100109106001);
    expect(enterpriseKey('0100109106-000')).not.toBe(enterpriseKey('0100109106'));
    expect(enterpriseKey('9999999999-999')).toBeLessThan(Number.MAX_SAFE_INTEGER);
    for (const bad of ['010010910', '0100109106-01', '01001091O6', '0100109106_001', '']) {
      expect(enterpriseKey(bad), bad).toBeNull();
    }
  });

  it('keeps the latest update, else the later row, and charges each duplicate to the feed of the row dropped', () => {
    const d = new Deduper();
    const a = enterpriseKey('0100000001')!;
    const b = enterpriseKey('0100000002')!;
    d.add(a, 20250101, 'alpha', 0);
    d.add(b, 0, 'alpha', 1);
    d.add(a, 20240101, 'beta', 2); // older: dropped, charged to beta
    d.add(b, 20240101, 'beta', 3); // the kept row had no date: the later row wins, alpha charged
    d.add(a, 20250101, 'beta', 4); // equal dates: the later row wins, alpha charged
    expect([...d.winners(5)]).toEqual([0, 0, 0, 1, 1]);
    expect(Object.fromEntries(d.duplicates)).toEqual({ alpha: 2, beta: 1 });
    expect(d.size).toBe(2);
    expect(d.has('0100000001')).toBe(true);
    expect(d.has('0100000003')).toBe(false);
    expect(d.has('not an id')).toBe(false);
  });

  it('keeps what a plain map of the same rules keeps, over enough rows to grow its table many times', () => {
    const d = new Deduper();
    const kept = new Map<number, { ref: number; updated: number }>();
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const rows = 20_000;
    for (let ref = 0; ref < rows; ref++) {
      const id = next() % 12_000;
      const key = id % 3 === 0 ? DEPENDENT + id * 1000 + 1 : 100_000_000 + id;
      const updated = next() % 4 === 0 ? 0 : 20_240_101 + (next() % 500);
      d.add(key, updated, ref % 2 === 0 ? 'alpha' : 'beta', ref);
      const before = kept.get(key);
      const older = before !== undefined && before.updated !== 0 && updated !== 0 && updated < before.updated;
      if (!older) kept.set(key, { ref, updated });
    }
    const flags = d.winners(rows);
    const expected = new Uint8Array(rows);
    for (const { ref } of kept.values()) expected[ref] = 1;
    expect(flags).toEqual(expected);
    expect(d.size).toBe(kept.size);
    const dropped = [...d.duplicates.values()].reduce((a, b) => a + b, 0);
    expect(dropped).toBe(rows - kept.size);
  });
});
