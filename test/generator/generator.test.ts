import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndustryCatalog } from '../../src/classify/index.js';
import type { RejectedRow } from '../../src/domain/rejects.js';
import { packageRoot } from '../../src/package/packageRoot.js';
import { writeDemoSeries, writeExport } from '../../tools/generator/index.js';
import { parseFeed } from '../support/parseFeed.js';

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dte-generator-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function parseFile(file: string, format: 'vn-dkkd-csv' | 'canonical-csv' | 'ndjson') {
  const reasons = new Map<string, number>();
  let accepted = 0;
  const summary = await parseFeed(
    createReadStream(file),
    {
      feedId: 'gen',
      fileName: path.basename(file),
      format,
      asOf: '2026-06-30',
      industryCodes: 'auto',
      industry: loadIndustryCatalog(),
      defaultProvince: null,
    },
    {
      accept: () => {
        accepted++;
      },
      reject: (r: RejectedRow) => reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1),
      drain: async () => undefined,
    },
  );
  return { summary, accepted, reasons };
}

describe('fixture generator', () => {
  it('writes the same bytes for the same seed and different bytes for another seed', async () => {
    const options = { rows: 3000, asOf: '2026-06-30', format: 'vn-dkkd-csv' as const, gzip: true };
    const a = path.join(dir, 'a.csv.gz');
    const b = path.join(dir, 'b.csv.gz');
    const c = path.join(dir, 'c.csv.gz');
    await writeExport(a, { ...options, seed: 7 });
    await writeExport(b, { ...options, seed: 7 });
    await writeExport(c, { ...options, seed: 8 });
    expect(await sha256(a)).toBe(await sha256(b));
    expect(await sha256(a)).not.toBe(await sha256(c));
  });

  for (const format of ['vn-dkkd-csv', 'canonical-csv', 'ndjson'] as const) {
    it(`writes ${format} that the reader takes, with the requested rows and a realistic dirty share`, async () => {
      const file = path.join(dir, `x.${format}`);
      const written = await writeExport(file, { rows: 5000, seed: 3, asOf: '2026-06-30', format });
      expect(written.rows).toBe(5000);
      const { summary, accepted, reasons } = await parseFile(file, format);
      expect(summary.rowsRead).toBe(5000);
      expect(summary.accepted + summary.rejected).toBe(summary.rowsRead);
      expect(accepted).toBe(summary.accepted);
      // About 1 % dirty rows by default: more than none, far fewer than a broken file.
      const share = summary.rejected / summary.rowsRead;
      expect(share).toBeGreaterThan(0.002);
      expect(share).toBeLessThan(0.05);
      expect(reasons.size).toBeGreaterThan(1);
    });
  }

  it('regenerates the committed demo series byte for byte', async () => {
    const out = path.join(dir, 'demo');
    const written = await writeDemoSeries(out);
    const committed = path.join(packageRoot(), 'fixtures/demo');
    expect(written.length).toBe(9);
    for (const name of (await readdir(committed)).sort()) {
      expect({ name, sha: await sha256(path.join(out, name)) }).toEqual({
        name,
        sha: await sha256(path.join(committed, name)),
      });
    }
  });
});
