/**
 * `node dist/scripts/longLine.js --mib N --dir DIR [--path bytes|text] [--format csv|ndjson]` writes
 * (once) a small gzip holding an export whose second record is one line of N MiB, reads it as the
 * ingest does, and prints one JSON line: seconds, peak RSS in MiB, records read and their reasons.
 * The fault suite runs it at 200 and 400 MiB; run it by hand at 5120 for the 5 GB case of issue 16.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { loadIndustryCatalog } from '../src/classify/index.js';
import type { RejectedRow } from '../src/domain/rejects.js';
import {
  type ParseOptions,
  readExportBatches,
  recordsOfBytes,
  rowContext,
  validateRecords,
} from '../src/input/index.js';

const { values } = parseArgs({
  options: {
    mib: { type: 'string', default: '200' },
    dir: { type: 'string', default: '.' },
    path: { type: 'string', default: 'bytes' },
    format: { type: 'string', default: 'csv' },
  },
});
const mib = Number(values.mib);
const ndjson = values.format === 'ndjson';

const HEADER =
  'enterprise_id,name,province,legacy_province,registration_date,main_industry_code,secondary_industry_codes,status,legal_form,charter_capital_vnd,updated_at';
const ROW = (id: string) => `${id},Cong ty ${id},01,,2020-01-01,6201,,active,,,`;
const JSON_ROW = (id: string) =>
  JSON.stringify({
    enterprise_id: id,
    name: `Cong ty ${id}`,
    province: '01',
    registration_date: '2020-01-01',
    main_industry_code: '6201',
    status: 'active',
  });

/** The export, streamed into gzip: a header (CSV), a row, the long line, a row. */
async function* exportText(): AsyncGenerator<Buffer> {
  yield Buffer.from(ndjson ? `${JSON_ROW('0100000001')}\n` : `${HEADER}\n${ROW('0100000001')}\n`);
  yield Buffer.from(ndjson ? '{"enterprise_id":"0100000002","name":"' : '0100000002,"');
  const block = Buffer.alloc(1024 * 1024, 'x');
  for (let i = 0; i < mib; i++) yield block;
  yield Buffer.from(
    ndjson ? `"}\n${JSON_ROW('0100000003')}\n` : `",01,,2020-01-01,6201,,active,,,\n${ROW('0100000003')}\n`,
  );
}

async function writeOnce(file: string): Promise<void> {
  if (existsSync(file)) return;
  await pipeline(Readable.from(exportText()), createGzip({ level: 1 }), createWriteStream(`${file}.part`));
  await rename(`${file}.part`, file);
}

const file = path.join(values.dir, `long-${values.format}-${mib}.gz`);
await writeOnce(file);
const options: ParseOptions = {
  feedId: 'long',
  fileName: path.basename(file),
  format: ndjson ? 'ndjson' : 'canonical-csv',
  asOf: '2026-06-30',
  industryCodes: 'auto',
  industry: loadIndustryCatalog(),
  defaultProvince: null,
};
const ctx = rowContext(options);
const started = process.hrtime.bigint();
const reasons: string[] = [];
const cellBytes: number[] = [];
let accepted = 0;
const out = {
  accept: () => accepted++,
  reject: (row: RejectedRow) => {
    reasons.push(`${row.line}:${row.reason}`);
    cellBytes.push(...row.cells.map((c) => Buffer.byteLength(c)));
  },
  warn: () => undefined,
};
for await (const batch of readExportBatches(createReadStream(file), options, values.path === 'bytes')) {
  validateRecords('bytes' in batch ? recordsOfBytes(batch.bytes) : batch.records, ctx, out);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ mib, seconds, maxRssMiB, accepted, reasons, maxCellBytes: Math.max(0, ...cellBytes) })}\n`,
);
