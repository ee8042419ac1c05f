import { describe, expect, it } from 'vitest';
import { FileRejectedError } from '../../src/domain/errors.js';
import { parse } from './support.js';

const header =
  'enterprise_id,name,province_code,legacy_province_code,registration_date,main_industry_code,secondary_industry_codes,status,legal_form,charter_capital_vnd,updated_at';

describe('canonical-csv', () => {
  it('reads canonical names, ISO dates, `;` lists and enum status words', async () => {
    const { accepted, rejected } = await parse(
      `${header}\n0100000001,Công ty A,01,,2020-01-02,6202,6201;6311,active,,5000000,2025-12-01\n0100000002,Công ty B,01,,02/01/2020,6202,,active,,,\n0100000003,Công ty C,01,,2020-01-02,6202,,Đang hoạt động,,,\n`,
      { format: 'canonical-csv', asOf: '2026-01-31' },
    );
    expect(accepted[0]).toMatchObject({
      registration_date: '2020-01-02',
      secondary_industry_codes: ['6201', '6311'],
      charter_capital_vnd: 5_000_000,
    });
    // 6202 exists only in 2018 here; 6120-style codes in both are read by the row date.
    expect(accepted[0]?.main_industry_system).toBe('vsic2018');
    expect(rejected.map((r) => r.reason)).toEqual(['invalid_date', 'unknown_status']);
  });

  it('reads a code in both systems by the update date: VSIC 2025 on or after 2025-11-15', async () => {
    const { accepted } = await parse(
      `${header}\n0100000001,A,01,,2020-01-02,6120,,active,,,2025-11-14\n0100000002,B,01,,2020-01-02,6120,,active,,,2025-11-15\n0100000003,C,01,,2020-01-02,6120,,active,,,\n`,
      { format: 'canonical-csv', asOf: '2026-01-31' },
    );
    expect(accepted.map((r) => r.main_industry_system)).toEqual(['vsic2018', 'vsic2025', 'vsic2025']);
  });
});

describe('ndjson', () => {
  it('reads one canonical object per line and quarantines lines that are not', async () => {
    const lines = [
      JSON.stringify({
        enterprise_id: '0100000001',
        name: 'A',
        province_code: '01',
        registration_date: '2020-01-01',
        main_industry_code: '6201',
        secondary_industry_codes: ['4651'],
        status: 'active',
        charter_capital_vnd: 1000,
      }),
      '{"enterprise_id": "0100000002", broken',
      '',
      JSON.stringify({
        enterprise_id: '0100000003',
        name: 'C',
        province_code: '01',
        registration_date: '2020-01-01',
        main_industry_code: '6201',
        status: 'active',
        charter_capital_vnd: { bad: 1 },
      }),
    ];
    const { accepted, rejected, summary } = await parse(`${lines.join('\n')}\n`, { format: 'ndjson' });
    expect(accepted).toMatchObject([
      { enterprise_id: '0100000001', secondary_industry_codes: ['4651'], charter_capital_vnd: 1000, line: 1 },
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'malformed_row'],
      [4, 'malformed_row'],
    ]);
    expect(summary).toEqual({ rowsRead: 3, accepted: 1, rejected: 2, warnings: 0 });
  });

  it('fails a file that is not NDJSON at all', async () => {
    await expect(parse('enterprise_id,name\n1,2\n', { format: 'ndjson' })).rejects.toBeInstanceOf(
      FileRejectedError,
    );
  });
});
