import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { tempDir } from '../support/pipelineContext.js';
import { CANONICAL_HEADER, canonicalRow, faultOptions, readAs } from './support.js';

const limits = { maxRecordBytes: 2048, maxCellBytes: 512 };
const options = faultOptions({ limits });

/** Every record of `rows` between normal rows, in one export; the line each normal row is on is checked too. */
function exportOf(rows: string[], br = '\n'): Buffer {
  const lines = [CANONICAL_HEADER];
  for (const [i, row] of rows.entries()) lines.push(canonicalRow(i * 2), row);
  lines.push(canonicalRow(9999));
  return Buffer.from(lines.join(br));
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

describe('record and cell limits (issue 16, item 2)', () => {
  it('rejects a record or a cell past the limit as record_too_long, its cells cut to the limit, the same in both paths', async () => {
    const long = 'ệ'.repeat(3000); // 3 bytes a character: past both limits in bytes long before in characters
    const overlong = [
      canonicalRow(1).replace('Cong ty', 'x'.repeat(5000)), // one line past the record limit
      canonicalRow(3).replace('Cong ty', `"${long.slice(0, 400)}\n${long.slice(0, 400)}"`), // quoted, two lines
      canonicalRow(5).replace('Cong ty', `"a${'\n'.repeat(30)}${'y'.repeat(3000)}"`), // many lines
      canonicalRow(7).replace('Cong ty', 'z'.repeat(600)), // a cell past the cell limit only
      canonicalRow(9).replace('Cong ty', `"${'q'.repeat(3000)}`), // past the limit, its quote never closed
    ];
    const bytes = exportOf(overlong);
    const text = await readAs(bytes, 'text', 65_536, options);
    expect(text.rejected.map((r) => r.reason)).toEqual(Array(5).fill('record_too_long'));
    for (const row of text.rejected) {
      const cellLimit = row.message.includes('cell') ? limits.maxCellBytes : limits.maxRecordBytes;
      for (const cell of row.cells) expect(utf8(cell)).toBeLessThanOrEqual(cellLimit);
      expect(row.cells.join('').length).toBeGreaterThan(0);
    }
    // The rows around them keep their lines; the one after the quote that never closes is read again.
    expect(text.accepted.map(([, line]) => line)).toEqual([2, 4, 7, 39, 41, 43]);
    expect(text.rejected.map((r) => r.line)).toEqual([3, 5, 8, 40, 42]);
    for (const size of [1, 100, 3000, 65_536]) {
      const got = await readAs(bytes, 'bytes', size, options);
      expect(got.byteBatches, `${size}-byte chunks`).toBeGreaterThan(0);
      expect({ accepted: got.accepted, rejected: got.rejected }, `${size}-byte chunks`).toEqual({
        accepted: text.accepted,
        rejected: text.rejected,
      });
    }
  });

  it('reads an overlong record with CR line endings the same way', async () => {
    const bytes = exportOf([canonicalRow(1).replace('Cong ty', 'x'.repeat(5000))], '\r');
    const text = await readAs(bytes, 'text', 999, options);
    expect(text.rejected.map((r) => [r.reason, r.line])).toEqual([['record_too_long', 3]]);
    expect(text.accepted.map(([, line]) => line)).toEqual([2, 4]);
    expect((await readAs(bytes, 'bytes', 7, options)).rejected).toEqual(text.rejected);
  });

  it('rejects an NDJSON line or field past the limit as record_too_long', async () => {
    const row = (id: string, name: string) =>
      JSON.stringify({
        enterprise_id: id,
        name,
        province: '01',
        registration_date: '2020-01-01',
        main_industry_code: '6201',
        status: 'active',
      });
    const bytes = Buffer.from(
      [
        row('0100000001', 'A'),
        row('0100000002', 'x'.repeat(5000)),
        row('0100000003', 'y'.repeat(600)),
        row('0100000004', 'B'),
      ].join('\r\n'),
    );
    const got = await readAs(bytes, 'text', 100, faultOptions({ format: 'ndjson', limits }));
    expect(got.accepted.map(([id]) => id)).toEqual(['0100000001', '0100000004']);
    expect(got.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'record_too_long'],
      [3, 'record_too_long'],
    ]);
    expect(utf8(got.rejected[0]!.cells[0]!)).toBeLessThanOrEqual(limits.maxRecordBytes);
    expect(utf8(got.rejected[1]!.cells[0]!)).toBeLessThanOrEqual(limits.maxCellBytes);
  });

  it('takes limits from the config, 1 MiB and 64 KiB by default, and refuses unknown keys under limits', () => {
    expect(configSchema.parse({}).limits).toEqual({ max_record_bytes: 1_048_576, max_cell_bytes: 65_536 });
    expect(configSchema.parse({ limits: { max_record_bytes: 4096 } }).limits.max_record_bytes).toBe(4096);
    expect(configSchema.safeParse({ limits: { max_record_byte: 4096 } }).success).toBe(false);
  });
});

const run = promisify(execFile);

interface LongLineRun {
  mib: number;
  seconds: number;
  maxRssMiB: number;
  accepted: number;
  reasons: string[];
  maxCellBytes: number;
}

/** `scripts/longLine.ts` in a process of its own (built: `npm test` builds first), for its own peak RSS. */
async function longLine(dir: string, mib: number, ...args: string[]): Promise<LongLineRun> {
  const script = path.resolve('dist/scripts/longLine.js');
  const { stdout } = await run(process.execPath, [script, '--mib', String(mib), '--dir', dir, ...args], {
    timeout: 300_000,
  });
  return JSON.parse(stdout) as LongLineRun;
}

describe('one endless line in a small gzip (issue 16, item 2)', () => {
  it('is one reject, read in time linear in its size with flat memory: 200 MiB, 400 MiB and 5 GiB', {
    timeout: 600_000,
  }, async () => {
    const dir = await tempDir('dte-long-line-');
    const runs: LongLineRun[] = [];
    for (const [mib, ...args] of [
      [200],
      [400],
      [200, '--path', 'text'],
      [200, '--format', 'ndjson'],
      [5120],
    ] as const)
      runs.push(await longLine(dir, mib, ...args.map(String)));
    for (const r of runs) {
      expect(r.accepted, `${r.mib} MiB`).toBe(2);
      expect(r.reasons, `${r.mib} MiB`).toHaveLength(1);
      expect(r.reasons[0]).toMatch(/:record_too_long$/);
      expect(r.maxCellBytes).toBeLessThanOrEqual(1024 * 1024);
      expect(r.maxRssMiB, `${r.mib} MiB: peak RSS`).toBeLessThan(400);
    }
    const [small, double, , , huge] = runs;
    // Generous margins: this is a hang test, not a speed test, on a shared machine.
    expect(double!.seconds).toBeLessThan(small!.seconds * 2 * 3 + 5);
    expect(huge!.seconds).toBeLessThan(((small!.seconds + double!.seconds) / 600) * 5120 * 3 + 30);
  });
});
