import { describe, expect, it } from 'vitest';
import {
  type ConversionRow,
  classList,
  conversionRows,
  conversionSource,
  type Direction,
  derivedClassList,
  loadRuleSet,
} from '../../src/classify/index.js';
import { to2025 } from '../../tools/generator/codes.js';

const source = conversionSource();
const stated = {
  '2018-2025': source.stated_counts['2018->2025'],
  '2025-2018': source.stated_counts['2025->2018'],
};

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/** The relationship a row must state, from the table's own fan-out and fan-in at the row's level. */
function fanOf(rows: readonly ConversionRow[]) {
  const out = countBy(rows, (r) => `${r.level}:${r.from}`);
  const into = countBy(rows, (r) => `${r.level}:${r.to}`);
  return (r: ConversionRow) => ({
    many: (out[`${r.level}:${r.from}`] ?? 0) > 1,
    from: (into[`${r.level}:${r.to}`] ?? 0) > 1,
  });
}

describe('the official VSIC conversion tables, against the counts their source states', () => {
  for (const direction of ['2018-2025', '2025-2018'] as const satisfies readonly Direction[]) {
    it(`${direction}: pairs, codes, relationships, level-5 rows and flags`, () => {
      const rows = conversionRows(direction);
      const counts = stated[direction];
      expect(rows.length).toBe(counts.pairs);
      // A 2025 code the source leaves unmapped still counts among its codes.
      const unmapped = direction === '2025-2018' ? source.unmapped_2025.length : 0;
      expect(unmapped).toBe(counts.unmappedFrom);
      expect(new Set(rows.map((r) => r.from)).size + unmapped).toBe(counts.fromCodes);
      expect(new Set(rows.map((r) => r.to)).size).toBe(counts.toCodes);
      expect(countBy(rows, (r) => r.relationship)).toEqual({
        one_to_one: counts.one_to_one,
        one_to_many: counts.one_to_many,
        many_to_one: counts.many_to_one,
        many_to_many: counts.many_to_many,
      });
      const level5 = rows.filter((r) => r.level === 5);
      expect(level5.length).toBe(counts.level5Pairs);
      expect(countBy(level5, (r) => r.relationship)).toEqual(counts.level5);
      expect(rows.filter((r) => r.flagged).length).toBe(counts.flagged);
      expect(new Set(rows.map((r) => `${r.from}→${r.to}`)).size, 'no pair twice').toBe(rows.length);
    });

    it(`${direction}: codes of the length of their level, as strings with their leading zeros`, () => {
      for (const r of conversionRows(direction)) {
        const pattern = r.level === 1 ? /^[A-V]$/ : new RegExp(`^\\d{${r.level}}$`);
        expect(r.from, `${r.from}→${r.to}`).toMatch(pattern);
        expect(r.to, `${r.from}→${r.to}`).toMatch(pattern);
      }
      expect(conversionRows(direction).some((r) => r.from === '0111')).toBe(true);
    });
  }

  it('rebuild the source file to its exact length: no character dropped or added', () => {
    // The source is one JSON text in a fixed key order; written the same way from the tables, it must
    // come out as long as the file the rows were copied from, its notes and unmapped codes included.
    const record = (fromVersion: string, toVersion: string) => (r: ConversionRow) =>
      `{"fromVersion":"${fromVersion}","fromCode":"${r.from}","fromName":${JSON.stringify(r.from_name)},` +
      `"toVersion":"${toVersion}","toCode":"${r.to}","toName":${JSON.stringify(r.to_name)},` +
      `"relationship":"${r.relationship}",` +
      (r.flagged ? `"officialNote":${JSON.stringify(source.official_note)},` : '') +
      `"level":${r.level},"flagged":${r.flagged}}`;
    const unmapped = source.unmapped_2025
      .map((u) => `{"code":"${u.code}","level":${u.level},"name":${JSON.stringify(u.name)}}`)
      .join(',');
    const text =
      `{"2018-2025":{"mappings":[${conversionRows('2018-2025').map(record('2018', '2025')).join(',')}],"unmapped":[]},` +
      `"2025-2018":{"mappings":[${conversionRows('2025-2018').map(record('2025', '2018')).join(',')}],"unmapped":[${unmapped}]}}`;
    expect(text.length).toBe(source.source_characters);
    expect(source.source_characters).toBe(1_465_681);
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it('state relationships that their own rows bear out, level by level, in both directions', () => {
    for (const direction of ['2018-2025', '2025-2018'] as const) {
      const rows = conversionRows(direction);
      const fan = fanOf(rows);
      for (const r of rows) {
        const { many, from } = fan(r);
        const expected = many ? (from ? 'many_to_many' : 'one_to_many') : from ? 'many_to_one' : 'one_to_one';
        expect(r.relationship, `${direction} ${r.from}→${r.to}`).toBe(expected);
      }
    }
  });

  it('name every code the same way in both directions, but for the slips of the source it lists', () => {
    // Each name stands in both appendices (typed in different places), so a transcription slip shows
    // as a code with two names. These are the source's own, checked against it one by one.
    const slips = new Set([
      '2018 46594',
      '2018 47732',
      '2018 4784',
      '2018 4785',
      '2018 4789',
      '2018 47894',
      '2018 87201',
      '2018 87909',
      ...['2611', '302', '3020', '30200', '474', '4769', '47690', '47712', '47732', '60', '612', '6120']
        .concat(['621', '71103', '77309', '8019', '80190', '9122', '91220', '953', '954', '9540', '95400'])
        .map((code) => `2025 ${code}`),
    ]);
    const names = new Map<string, Set<string>>();
    const add = (system: string, code: string, name: string) => {
      const key = `${system} ${code}`;
      names.set(key, (names.get(key) ?? new Set()).add(name));
    };
    for (const r of conversionRows('2018-2025')) add('2018', r.from, r.from_name);
    for (const r of conversionRows('2025-2018')) add('2018', r.to, r.to_name);
    for (const r of conversionRows('2025-2018')) add('2025', r.from, r.from_name);
    for (const r of conversionRows('2018-2025')) add('2025', r.to, r.to_name);
    const variants = [...names.entries()].filter(([, set]) => set.size > 1).map(([key]) => key);
    expect(variants.sort()).toEqual([...slips].sort());
    expect(names.size).toBe(stated['2018-2025'].fromCodes + stated['2018-2025'].toCodes);
  });
});

describe('the class lists', () => {
  it('are what the tables list, with names, as the committed files hold them', () => {
    for (const system of ['vsic2018', 'vsic2025'] as const) {
      expect(classList(system)).toEqual(derivedClassList(system));
    }
  });

  it('VSIC 2025: the 495 classes of the catalog (level counts 22/87/259/495/743)', () => {
    const rows = conversionRows('2025-2018');
    const levels = [1, 2, 3, 4, 5].map(
      (level) =>
        new Set(rows.filter((r) => r.level === level).map((r) => r.from)).size +
        source.unmapped_2025.filter((u) => u.level === level).length,
    );
    expect(levels).toEqual(source.stated_counts.vsic2025_catalog_levels);
    const classes = classList('vsic2025').classes;
    expect(classes.length).toBe(495);
    expect(classes.find((c) => c.code === '6120')?.name).toMatch(/bán lại/);
    expect(classes.find((c) => c.code === '0111')?.name).toBe('Trồng lúa');
  });

  it('VSIC 2018: 21/88/242 sections, divisions and groups and 734 subclasses, as Decision 27/2018 states; 464 classes', () => {
    const rows = conversionRows('2018-2025');
    const levels = [1, 2, 3, 4, 5].map(
      (level) => new Set(rows.filter((r) => r.level === level).map((r) => r.from)).size,
    );
    // The decision's text says 486 classes, but its 734 subclasses fall into the 464 the table lists
    // (every subclass is xxxx + one digit of a listed class), so 464 is the list as published.
    expect(levels).toEqual([21, 88, 242, 464, 734]);
    const classes = new Set(classList('vsic2018').classes.map((c) => c.code));
    for (const r of rows.filter((x) => x.level === 5))
      expect(classes.has(r.from.slice(0, 4)), r.from).toBe(true);
    for (const code of Object.values(loadRuleSet('vsic2018-ict-v1', 'vsic2018').categories).flat()) {
      expect(classes.has(code), code).toBe(true);
    }
    expect(classList('vsic2018').classes.find((c) => c.code === '6120')?.name).toBe(
      'Hoạt động viễn thông không dây',
    );
  });

  it('hold the conversions the spec names and the ones the fixture generator uses', () => {
    const pairs = new Set(conversionRows('2018-2025').map((r) => `${r.from}→${r.to}`));
    expect(pairs.has('6120→6110')).toBe(true); // 2018 wireless is 2025 6110
    const dte2018 = Object.values(loadRuleSet('vsic2018-ict-v1', 'vsic2018').categories).flat();
    for (const code of dte2018) {
      for (const variant of [0.05, 0.5]) expect(pairs, code).toContain(`${code}→${to2025(code, variant)}`);
    }
  });
});
