import { Readable } from 'node:stream';
import type { IndustryCodeResolver } from '../../src/domain/industry.js';
import type { IngestedRecord } from '../../src/domain/record.js';
import type { RejectedRow } from '../../src/domain/rejects.js';
import type { ParseOptions, ParseSummary } from '../../src/input/index.js';
import { parseFeed } from '../support/parseFeed.js';

/** A tiny stand-in for the VSIC catalog: the parser only asks which system a code is read in. */
export const fakeIndustry: IndustryCodeResolver = {
  resolve(code, setting, rowDate) {
    const klass = code.slice(0, 4);
    const in2018 = ['6201', '6202', '6120', '6311', '1074', '2392', '4651', '9511', '6312'].includes(klass);
    const in2025 = ['6219', '6220', '6120', '6310', '1074', '2392', '4651', '9511'].includes(klass);
    if (setting === 'vsic2018') return in2018 ? 'vsic2018' : null;
    if (setting === 'vsic2025') return in2025 ? 'vsic2025' : null;
    if (in2018 && in2025) return rowDate >= '2025-11-15' ? 'vsic2025' : 'vsic2018';
    return in2018 ? 'vsic2018' : in2025 ? 'vsic2025' : null;
  },
};

export interface Parsed {
  summary: ParseSummary;
  accepted: IngestedRecord[];
  rejected: RejectedRow[];
}

export async function parse(body: Buffer | string, options: Partial<ParseOptions> = {}): Promise<Parsed> {
  const accepted: IngestedRecord[] = [];
  const rejected: RejectedRow[] = [];
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  // Small chunks, so that rows and characters are split across chunk boundaries.
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
  const summary = await parseFeed(
    Readable.from(chunks),
    {
      feedId: 'test',
      fileName: 'export.csv',
      format: 'vn-dkkd-csv',
      asOf: '2025-06-30',
      industryCodes: 'auto',
      industry: fakeIndustry,
      defaultProvince: null,
      ...options,
    },
    { accept: (r) => accepted.push(r), reject: (r) => rejected.push(r), drain: async () => undefined },
  );
  return { summary, accepted, rejected };
}
