import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { FileRejectedError } from '../../src/domain/errors.js';
import { runInline } from '../../src/runners/inline.js';
import { listPublished, readJsonObject, readLatest, readManifest } from '../../src/snapshot/catalog.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { readAll } from '../../src/store/bodies.js';
import { OPEN_GATES, tempDir, testContext } from '../support/pipelineContext.js';
import { type VnRow, vnExport } from '../support/vnExport.js';

const base: VnRow[] = [
  // Thanh Hóa (38, not merged): two active DTEs, one suspended DTE, one non-DTE with a digital secondary code.
  {
    id: '2800000001',
    name: 'Công ty TNHH Phần mềm Hàm Rồng',
    province: 'Thanh Hoá',
    founded: '15/03/2020',
    main: '6201 - Lập trình máy vi tính',
  },
  {
    id: '2800000002',
    name: 'Công ty CP Viễn thông Sầm Sơn',
    province: 'Tỉnh Thanh Hóa',
    founded: '01/02/2025',
    main: '61200',
  },
  {
    id: '2800000003',
    name: 'Công ty TNHH Dữ liệu Xứ Thanh',
    province: '38',
    founded: '10/10/2019',
    main: '6311',
    status: 'Tạm ngừng kinh doanh',
  },
  {
    id: '2800000004',
    name: 'Công ty TNHH Gạch Đông Sơn',
    province: 'Thanh Hoa',
    founded: '05/05/2018',
    main: '2392',
    other: '6201;4651',
  },
  {
    id: '2800000004-001',
    name: 'Chi nhánh Gạch Đông Sơn',
    province: 'Thanh Hóa',
    founded: '05/06/2018',
    main: '2392',
  },
  // Hà Nội (01): one active DTE, one active non-DTE, one dissolved DTE.
  {
    id: '0100000001',
    name: 'Công ty Cổ phần Điện toán "Thăng Long", Hà Nội',
    province: 'TP. Hà Nội',
    founded: '20/12/2015',
    main: '6202',
  },
  {
    id: '0100000002',
    name: 'Công ty TNHH Bánh Phở',
    province: 'Hà Nội',
    founded: '01/01/2010',
    main: '1074',
  },
  {
    id: '0100000003',
    name: 'Công ty TNHH Web Cũ',
    province: 'Thành phố Hà Nội',
    founded: '01/01/2012',
    main: '6312',
    status: 'Đã giải thể',
  },
  // Bà Rịa - Vũng Tàu: a pre-2025 name, so HCM (79) with legacy 77.
  {
    id: '3500000001',
    name: 'Công ty TNHH Sửa chữa Máy tính Vũng Tàu',
    province: 'Bà Rịa - Vũng Tàu',
    founded: '02/02/2021',
    main: '9511',
  },
];

const dirty: VnRow[] = [
  { id: '12345', name: 'Mã sai', province: 'Hà Nội', founded: '01/01/2020', main: '6201' },
  { id: '0100000009', name: 'Tỉnh lạ', province: 'Atlantis', founded: '01/01/2020', main: '6201' },
  { id: '0100000010', name: 'Ngày tương lai', province: 'Hà Nội', founded: '01/01/2031', main: '6201' },
  // A duplicate of 0100000002 updated later: it wins, and one duplicate is counted.
  {
    id: '0100000002',
    name: 'Công ty TNHH Bánh Phở Mới',
    province: 'Hà Nội',
    founded: '01/01/2010',
    main: '1074',
    updated: '01/06/2025',
  },
];

async function writeExport(dir: string, name: string, rows: VnRow[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, vnExport(rows));
  return file;
}

async function publishedManifest(ctx: PipelineContext, asOf: string): Promise<Manifest> {
  const pointer = (await listPublished(ctx.store)).find((p) => p.as_of === asOf);
  const manifest = pointer ? await readManifest(ctx.store, pointer) : null;
  if (!manifest) throw new Error(`no manifest for ${asOf}`);
  return manifest;
}

async function fileText(ctx: PipelineContext, manifest: Manifest, name: string): Promise<string> {
  return (
    await readAll(await ctx.store.get(`snapshots/${manifest.as_of}/${manifest.run_id}/${name}`))
  ).toString('utf8');
}

describe('inline run of one export', () => {
  it('publishes indicators whose values follow from the rows, and accounts for every row', async () => {
    const dir = await tempDir();
    const file = await writeExport(dir, 'export.csv', [...base, ...dirty]);
    const ctx = await testContext([{ id: 'national', file, format: 'vn-dkkd-csv' }], { gates: OPEN_GATES });
    const outcome = await runInline(ctx, { asOf: '2025-06-30' });
    expect(outcome.status).toBe('published');
    const manifest = await publishedManifest(ctx, '2025-06-30');
    const input = manifest.inputs[0]!;
    expect(input).toMatchObject({
      feed_id: 'national',
      rows_read: 13,
      rejected: 3,
      duplicates: 1,
      accepted: 9,
    });
    expect(input.rows_read).toBe(input.accepted + input.rejected + input.duplicates);

    const provinces = (await readJsonObject(
      ctx.store,
      `snapshots/2025-06-30/${manifest.run_id}/provinces.json`,
    )) as {
      provinces: Array<Record<string, unknown>>;
      national: Record<string, unknown>;
    };
    const th = provinces.provinces.find((p) => p.code === '38')!;
    // Active enterprises 1, 2 and 4 (3 is suspended, 4-001 is a dependent unit); DTEs 1 and 2.
    expect(th).toMatchObject({
      enterprises_active: 3,
      dte_active: 2,
      dte_share_pct: 66.67,
      digital_secondary: 1,
      dependent_units: 1,
    });
    expect(th.dte_founded_ytd).toBe(1);
    expect(th.dte_converted).toBeNull();
    // Population from the reference data (Thanh Hóa was not merged: the merger portal's figure).
    expect(th).toMatchObject({
      population: 3_760_650,
      population_year: 2024,
      dte_per_1000_people: 0,
      dte_converted_pct: null,
    });
    const hn = provinces.provinces.find((p) => p.code === '01')!;
    expect(hn).toMatchObject({ enterprises_active: 2, dte_active: 1, dte_share_pct: 50 });
    const hcm = provinces.provinces.find((p) => p.code === '79')!;
    expect(hcm).toMatchObject({ enterprises_active: 1, dte_active: 1 });
    expect(provinces.national).toMatchObject({
      code: 'VN',
      enterprises_active: 6,
      dte_active: 4,
      dte_share_pct: 66.67,
      population: 112_093_848,
    });
    const header = (await fileText(ctx, manifest, 'provinces.csv')).split('\r\n')[0]!;
    expect(header.endsWith(',dte_per_1000_people,population,population_year,dte_converted_pct')).toBe(true);

    const dteCsv = await fileText(ctx, manifest, 'dte_enterprises.csv');
    expect(dteCsv.startsWith('\uFEFF')).toBe(true);
    const dteIds = dteCsv
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(',')[2]);
    expect(dteCsv.split('\r\n')[1]).toMatch(/^2025-06-30,vsic2018-ict-v1,0100000001,/);
    expect(dteIds).toEqual([
      '0100000001',
      '0100000003',
      '2800000001',
      '2800000002',
      '2800000003',
      '3500000001',
    ]);
    const rejects = await fileText(ctx, manifest, 'rejects/national.csv');
    expect(rejects).toContain('invalid_enterprise_id');
    expect(rejects).toContain('unknown_province');
    expect(rejects).toContain('future_registration_date');
  });

  it('gives byte-identical data files on two runs of the same inputs, and a rerun changes nothing', async () => {
    const dir = await tempDir();
    const file = await writeExport(dir, 'export.csv', [...base, ...dirty]);
    const a = await testContext([{ id: 'national', file, format: 'vn-dkkd-csv' }], { gates: OPEN_GATES });
    const b = await testContext([{ id: 'national', file, format: 'vn-dkkd-csv' }], { gates: OPEN_GATES });
    await runInline(a, { asOf: '2025-06-30' });
    await runInline(b, { asOf: '2025-06-30' });
    const ma = await publishedManifest(a, '2025-06-30');
    const mb = await publishedManifest(b, '2025-06-30');
    expect(ma.run_id).toBe(mb.run_id);
    expect(ma.outputs).toEqual(mb.outputs);
    for (const output of ma.outputs) {
      const bytesA = await readAll(await a.store.get(`snapshots/2025-06-30/${ma.run_id}/${output.key}`));
      const bytesB = await readAll(await b.store.get(`snapshots/2025-06-30/${mb.run_id}/${output.key}`));
      expect(createHash('sha256').update(bytesA).digest('hex')).toBe(output.sha256);
      expect(bytesA.equals(bytesB)).toBe(true);
    }
    const again = await runInline(a, { asOf: '2025-06-30' });
    expect(again.status).toBe('already_published');
  });

  it("knows a published date from the inputs' hashes and reruns it without parsing a row, parsing after all under new code", async () => {
    const dir = await tempDir();
    const file = await writeExport(dir, 'export.csv', [...base, ...dirty]);
    const ctx = await testContext([{ id: 'national', file, format: 'vn-dkkd-csv' }], { gates: OPEN_GATES });
    const first = await runInline(ctx, { asOf: '2025-06-30' });
    expect(first.status).toBe('published');
    const puts: string[] = [];
    const store = ctx.store;
    const watched: PipelineContext = {
      ...ctx,
      store: Object.assign(Object.create(store) as typeof store, {
        put: (key: string, ...rest: [never, never]) => {
          puts.push(key);
          return store.put(key, ...rest);
        },
        putUnhashed: (key: string, ...rest: [never, never]) => {
          puts.push(key);
          return store.putUnhashed(key, ...rest);
        },
      }),
    };
    const again = await runInline(watched, { asOf: '2025-06-30' });
    expect(again.status).toBe('already_published');
    // The rejects' columns and reasons only shape the aggregate's rejects files, which are not rewritten.
    const planOf = (plan: typeof first.plan) => ({
      ...plan,
      feeds: plan.feeds.map(({ reject_columns: _c, rejects_by_reason: _r, ...feed }) => feed),
    });
    expect(planOf(again.plan)).toEqual(planOf(first.plan));
    // Ingest writes staged rows under work/ for every row it parses: none were written.
    expect(puts.filter((key) => key.startsWith('work/'))).toEqual([]);
    // The same bytes under new code: left unparsed at first, then parsed once the run id differs.
    const next = await runInline({ ...ctx, codeVersion: `${ctx.codeVersion}-next` }, { asOf: '2025-06-30' });
    expect(next.status).toBe('published');
    expect(next.plan.run_id).not.toBe(first.plan.run_id);
    expect(next.plan.feeds[0]!.rows_read).toBe(first.plan.feeds[0]!.rows_read);
  });

  it('counts conversions and cessations against the previous snapshot', async () => {
    const dir = await tempDir();
    const first = await writeExport(dir, 'first.csv', base);
    const secondRows = base
      .map((r) => {
        if (r.id === '0100000002') return { ...r, main: '6201' }; // converted: non-DTE → active DTE
        if (r.id === '2800000001') return { ...r, status: 'Đã giải thể' }; // ceased: active DTE → dissolved
        return r;
      })
      .filter((r) => r.id !== '2800000002'); // ceased: an active DTE that is gone
    const second = await writeExport(dir, 'second.csv', secondRows);
    const ctx = await testContext([{ id: 'national', file: first, format: 'vn-dkkd-csv' }], {
      gates: OPEN_GATES,
    });
    await runInline(ctx, { asOf: '2025-06-30' });
    ctx.config.feeds = [{ ...ctx.config.feeds[0]!, source: { type: 'file', path: second } }];
    await runInline(ctx, { asOf: '2025-09-30' });
    const manifest = await publishedManifest(ctx, '2025-09-30');
    expect(manifest.previous?.as_of).toBe('2025-06-30');
    const provinces = (await readJsonObject(
      ctx.store,
      `snapshots/2025-09-30/${manifest.run_id}/provinces.json`,
    )) as {
      provinces: Array<Record<string, unknown>>;
      national: Record<string, unknown>;
    };
    // Hà Nội's one active non-DTE of the first snapshot converted: 1 of 1.
    expect(provinces.provinces.find((p) => p.code === '01')).toMatchObject({
      dte_converted: 1,
      dte_ceased: 0,
      dte_converted_pct: 100,
    });
    expect(provinces.provinces.find((p) => p.code === '38')).toMatchObject({
      dte_converted: 0,
      dte_ceased: 2,
      dte_active: 0,
    });
    expect(provinces.national).toMatchObject({ dte_converted: 1, dte_ceased: 2 });
    expect((await readLatest(ctx.store))?.as_of).toBe('2025-09-30');
  });

  it('publishes nothing when a file fails as a whole, and the previous snapshot stays the latest', async () => {
    const dir = await tempDir();
    const good = await writeExport(dir, 'good.csv', base);
    const ctx = await testContext([{ id: 'national', file: good, format: 'vn-dkkd-csv' }], {
      gates: OPEN_GATES,
    });
    await runInline(ctx, { asOf: '2025-06-30' });
    const broken = path.join(dir, 'broken.csv');
    await writeFile(broken, 'Mã số doanh nghiệp,Tên doanh nghiệp\r\n0100000001,Thiếu cột\r\n');
    ctx.config.feeds = [{ ...ctx.config.feeds[0]!, source: { type: 'file', path: broken } }];
    await expect(runInline(ctx, { asOf: '2025-07-31' })).rejects.toBeInstanceOf(FileRejectedError);
    expect((await readLatest(ctx.store))?.as_of).toBe('2025-06-30');
    expect((await listPublished(ctx.store)).map((p) => p.as_of)).toEqual(['2025-06-30']);
  });
});
