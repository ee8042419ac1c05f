import { beforeAll, describe, expect, it } from 'vitest';
import { csvObjects } from '../support/csvTable.js';
import { publishSmall, type SmallSnapshot } from '../support/smallSnapshot.js';

const AS_OF = '2025-09-30';
const RULES = 'vsic2018-ict-v1+vsic2025-ict-v1';
let snapshot: SmallSnapshot;

beforeAll(async () => {
  snapshot = await publishSmall({ asOf: AS_OF });
});

describe('as_of in every row', () => {
  it('opens every indicator CSV row with the as-of date and the rule sets that decided it', async () => {
    for (const name of ['provinces.csv', 'legacy_provinces.csv', 'communes.csv']) {
      const { header, rows } = csvObjects(await snapshot.text(name));
      expect(header.slice(0, 3), name).toEqual(['as_of', 'rule_set_id', 'code']);
      expect(rows.length, name).toBeGreaterThan(0);
      for (const r of rows) expect([r.as_of, r.rule_set_id], name).toEqual([AS_OF, RULES]);
    }
  });

  it('gives each DTE the rule set of the system its code was read in', async () => {
    const { header, rows } = csvObjects(await snapshot.text('dte_enterprises.csv'));
    expect(header.slice(0, 3)).toEqual(['as_of', 'rule_set_id', 'enterprise_id']);
    expect(rows.map((r) => [r.as_of, r.rule_set_id, r.enterprise_id, r.industry_system])).toEqual([
      [AS_OF, 'vsic2018-ict-v1', '0100588577', 'vsic2018'],
      [AS_OF, 'vsic2018-ict-v1', '2800000001', 'vsic2018'],
      [AS_OF, 'vsic2018-ict-v1', '3500000001', 'vsic2018'],
    ]);
  });

  it('puts as_of and rule_set_id first in every row of every JSON table', async () => {
    const provinces = JSON.parse(await snapshot.text('provinces.json')) as {
      provinces: Array<Record<string, unknown>>;
      national: Record<string, unknown>;
    };
    const legacy = JSON.parse(await snapshot.text('legacy_provinces.json')) as {
      provinces: Array<Record<string, unknown>>;
    };
    const communes = JSON.parse(await snapshot.text('communes.json')) as {
      provinces: Array<Record<string, unknown> & { communes: Array<Record<string, unknown>> }>;
    };
    const rows = [
      ...provinces.provinces,
      provinces.national,
      ...legacy.provinces,
      ...communes.provinces,
      ...communes.provinces.flatMap((p) => p.communes),
    ];
    expect(communes.provinces.flatMap((p) => p.communes).length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row).slice(0, 3)).toEqual(['as_of', 'rule_set_id', 'code']);
      expect([row.as_of, row.rule_set_id]).toEqual([AS_OF, RULES]);
    }
  });
});
