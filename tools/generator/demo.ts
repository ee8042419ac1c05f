import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { toDays, toIso } from './dates.js';
import { type Enterprise, enterprise } from './enterprise.js';
import { type ExportOptions, ExportWriter } from './export.js';
import { legacyByCode } from './places.js';
import { entityPrng } from './prng.js';

/** The committed demo series: as-of dates 2023–2026, the last four after the VSIC 2025 switch. */
export const DEMO_DATES = [
  '2023-06-30',
  '2023-12-31',
  '2024-06-30',
  '2024-12-31',
  '2025-06-30',
  '2025-12-31',
  '2026-03-31',
  '2026-06-30',
  '2026-09-30',
] as const;

const SEED = 20_230_630;
/** Rows of a merged province that carry the pre-2025 column: a minority, as in real exports. */
const LEGACY_SHARE = 0.15;
const BACKGROUND = 9_000;

/**
 * DTEs of the plan territories, by as-of date, so that the alert story is visible (README, "The demo"): Thanh Hóa on track, Tây Ninh behind, Bà Rịa - Vũng Tàu critical, Đắk Lắk
 * behind in mid-2025 and on track again by 2026.
 */
const COHORTS: Array<{ province: string; code: string; counts: number[]; sinceOld?: number }> = [
  { province: '38', code: '6201', counts: [60, 68, 76, 84, 92, 104, 108, 113, 118] },
  { province: '77', code: '6209', counts: [150, 155, 160, 165, 170, 175, 178, 181, 184] },
  { province: '72', code: '4651', counts: [6, 7, 8, 9, 10, 12, 13, 14, 15] },
  // Đắk Lắk's target counts DTEs founded since 2023-05-10; 20 older ones are there too.
  { province: '66', code: '6202', counts: [1, 5, 9, 13, 15, 18, 22, 23, 25], sinceOld: 20 },
];

function cohortEnterprises(): Enterprise[] {
  const out: Enterprise[] = [];
  let index = 1_000_000;
  for (const cohort of COHORTS) {
    const province = legacyByCode(cohort.province);
    const founded: string[] = [];
    for (let k = 0; k < (cohort.sinceOld ?? 0); k++) founded.push(toIso(toDays('2016-01-01') + k * 97));
    let previous = cohort.sinceOld === undefined ? '2015-01-01' : '2023-05-10';
    cohort.counts.forEach((count, k) => {
      const before = k === 0 ? 0 : cohort.counts[k - 1]!;
      const from = toDays(previous);
      const span = toDays(DEMO_DATES[k]!) - from;
      for (let j = 0; j < count - before; j++)
        founded.push(toIso(from + Math.floor(((j + 1) * span) / (count - before + 1))));
      previous = toIso(toDays(DEMO_DATES[k]!) + 1);
    });
    for (const day of founded) {
      const rng = entityPrng(SEED, index);
      out.push({
        index,
        id: `${province.code}9${String(index).slice(-7)}`,
        name: `Công ty TNHH Công nghệ số ${province.name_en} ${index - 999_999}`,
        province,
        founded: day,
        code2018: cohort.code,
        dte: true,
        convert: null,
        events: [],
        secondary: [],
        legalForm: 'Công ty TNHH một thành viên',
        capital: (1 + rng.int(50)) * 100_000_000,
        branch: false,
        variant: rng.next(),
      });
      index++;
    }
  }
  return out;
}

/** How each demo export is written: every path of the reader is exercised somewhere in the series. */
function fileOptions(asOf: string, i: number): { name: string; options: Partial<ExportOptions> } {
  if (i === 0) return { name: `national-${asOf}.csv`, options: { encoding: 'utf8-bom', delimiter: ';' } };
  if (i === 2) return { name: `national-${asOf}.csv.gz`, options: { gzip: true, encoding: 'utf16le' } };
  if (i === 3) return { name: `national-${asOf}.csv.gz`, options: { gzip: true, delimiter: '\t' } };
  return { name: `national-${asOf}.csv.gz`, options: { gzip: true } };
}

/** Writes the whole demo series and its `feeds.yaml` into `dir`; the same bytes every time. */
export async function writeDemoSeries(
  dir: string,
): Promise<Array<{ as_of: string; file: string; rows: number }>> {
  const background = Array.from({ length: BACKGROUND }, (_, i) =>
    enterprise(i, {
      seed: SEED,
      horizon: DEMO_DATES.at(-1)!,
      dteShare: 0.04,
      noBackgroundDte: new Set(COHORTS.map((c) => c.province)),
    }),
  );
  const cohorts = cohortEnterprises();
  const written: Array<{ as_of: string; file: string; rows: number }> = [];
  for (const [i, asOf] of DEMO_DATES.entries()) {
    const { name, options } = fileOptions(asOf, i);
    const writer = await ExportWriter.open(path.join(dir, name), {
      rows: 0,
      seed: SEED,
      asOf,
      format: 'vn-dkkd-csv',
      dirtyShare: 0.005,
      ...options,
    });
    for (const e of background) if (e.founded <= asOf) await writer.enterprise(e, { share: LEGACY_SHARE });
    // The plan cohorts sit in communes wholly inside their old province: the address tells it.
    for (const e of cohorts)
      if (e.founded <= asOf)
        await writer.enterprise(e, { share: LEGACY_SHARE, clean: true, certainPlace: true });
    const { rows } = await writer.close();
    written.push({ as_of: asOf, file: name, rows });
  }
  const series = written.map((w) => ({
    as_of: w.as_of,
    file: w.file,
    format: 'vn-dkkd-csv',
    industry_codes: 'auto',
  }));
  await writeFile(
    path.join(dir, 'feeds.yaml'),
    `# The demo series (written by \`npm run fixtures -- --demo\`); npm run demo runs it oldest first.\n${stringify({ series })}`,
  );
  return written;
}
