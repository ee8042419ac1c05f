import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import type { CommunesJson } from '../../src/indicators/index.js';
import { percent } from '../../src/indicators/index.js';
import { legacyProvinces } from '../../src/reference/index.js';
import { runInline } from '../../src/runners/inline.js';
import { listPublished, readJsonObject, readManifest } from '../../src/snapshot/catalog.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { readAll } from '../../src/store/bodies.js';
import { placeOf } from '../../tools/generator/addresses.js';
import { type Enterprise, enterprise, stateOn } from '../../tools/generator/enterprise.js';
import { ExportWriter } from '../../tools/generator/export.js';
import { tempDir, testContext } from '../support/pipelineContext.js';

const SEED = 17;
const AS_OF = '2026-03-31';
const ENTERPRISES = 4_000;

async function published(ctx: PipelineContext, asOf: string): Promise<Manifest> {
  const pointer = (await listPublished(ctx.store)).find((p) => p.as_of === asOf);
  const manifest = pointer ? await readManifest(ctx.store, pointer) : null;
  if (!manifest) throw new Error(`no manifest for ${asOf}`);
  return manifest;
}

async function file(ctx: PipelineContext, m: Manifest, name: string): Promise<string> {
  return (await readAll(await ctx.store.get(`snapshots/${m.as_of}/${m.run_id}/${name}`))).toString('utf8');
}

interface Truth {
  active: number;
  known: number;
  dependent: number;
}

/** What the generator knows of each old province: its active enterprises, and those the commune places. */
function truthOf(population: Enterprise[]) {
  const bySuccessor = new Map<string, Truth>();
  const byLegacy = new Map<string, Truth>();
  const byCommune = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const p of legacyProvinces()) sources.set(p.successor_code, (sources.get(p.successor_code) ?? 0) + 1);
  const get = (map: Map<string, Truth>, code: string) => {
    const t = map.get(code) ?? { active: 0, known: 0, dependent: 0 };
    map.set(code, t);
    return t;
  };
  for (const e of population) {
    const place = placeOf(e, SEED);
    const merged = (sources.get(e.province.successor_code) ?? 0) > 1;
    const known = !merged || place.commune.legacy_province_codes.length === 1;
    const active = stateOn(e, AS_OF).status === 'active';
    const successor = get(bySuccessor, e.province.successor_code);
    if (active) {
      successor.active++;
      if (known) successor.known++;
      byCommune.set(place.commune.code, (byCommune.get(place.commune.code) ?? 0) + 1);
    }
    if (!known) continue;
    const legacy = get(byLegacy, e.province.code);
    if (active) legacy.active++;
    if (e.branch) legacy.dependent++;
  }
  return { bySuccessor, byLegacy, byCommune, sources };
}

describe('the legacy view of a post-merger export with addresses and no legacy column', () => {
  it('covers each merged old province as far as its communes lie in one old province, and counts as the generator did', async () => {
    const dir = await tempDir();
    const exportFile = path.join(dir, 'national.csv');
    const writer = await ExportWriter.open(exportFile, {
      rows: 0,
      seed: SEED,
      asOf: AS_OF,
      format: 'vn-dkkd-csv',
      dirtyShare: 0,
    });
    const population: Enterprise[] = [];
    for (let i = 0; i < ENTERPRISES; i++) {
      const e = enterprise(i, { seed: SEED, horizon: AS_OF });
      population.push(e);
      await writer.enterprise(e, { share: 0, clean: true });
    }
    await writer.close();
    const ctx = await testContext([{ id: 'national', file: exportFile, format: 'vn-dkkd-csv' }]);
    expect((await runInline(ctx, { asOf: AS_OF })).status).toBe('published');
    const manifest = await published(ctx, AS_OF);
    const input = manifest.inputs[0]!;
    expect(input.rejected).toBe(0);
    expect(input.legacy_sources?.column).toBe(0);
    expect(input.address_conflicts).toBe(0);

    const truth = truthOf(population);
    const legacy = JSON.parse(await file(ctx, manifest, 'legacy_provinces.json')) as {
      provinces: Array<{
        code: string;
        successor_code: string;
        coverage_pct: number | null;
        enterprises_active: number;
        dependent_units: number;
      }>;
    };
    let mergedActive = 0;
    let mergedKnown = 0;
    for (const row of legacy.provinces) {
      const successor = truth.bySuccessor.get(row.successor_code) ?? { active: 0, known: 0, dependent: 0 };
      expect(row.coverage_pct, row.code).toBe(percent(successor.known, successor.active));
      const counted = truth.byLegacy.get(row.code) ?? { active: 0, known: 0, dependent: 0 };
      expect(row.enterprises_active, row.code).toBe(counted.active);
      expect(row.dependent_units, row.code).toBe(counted.dependent);
      if ((truth.sources.get(row.successor_code) ?? 0) > 1) {
        mergedActive += successor.active;
        mergedKnown += successor.known;
      }
    }
    expect(mergedKnown / mergedActive).toBeGreaterThan(0.9);

    const communes = (await readJsonObject(
      ctx.store,
      `snapshots/${AS_OF}/${manifest.run_id}/communes.json`,
    )) as CommunesJson;
    const counted = new Map(
      communes.provinces.flatMap((p) => p.communes.map((c) => [c.code, c.enterprises_active] as const)),
    );
    for (const [code, active] of truth.byCommune) expect(counted.get(code), code).toBe(active);
    for (const p of communes.provinces)
      if (p.enterprises_active > 0) expect(p.commune_coverage_pct).toBe(100);
  });
});

describe('an export whose addresses disagree with the province cell, or name nothing known', () => {
  it('keeps the rows, counts the conflict in the manifest and lists it with its line in the rejects file', async () => {
    const dir = await tempDir();
    const header =
      'Mã số doanh nghiệp,Tên doanh nghiệp,Tỉnh/Thành phố,Ngày thành lập,Ngành nghề kinh doanh chính,Tình trạng hoạt động,Địa chỉ trụ sở chính';
    const rows = [
      '3800000001,Công ty A,Thanh Hóa,01/02/2020,6201,Đang hoạt động,"Số 1 Lê Lợi, Phường Hạc Thành, Tỉnh Thanh Hóa"',
      '4000000001,Công ty B,Nghệ An,01/02/2020,6201,Đang hoạt động,"Số 1 Lê Lợi, Phường Hạc Thành, Tỉnh Thanh Hóa"',
      '7900000001,Công ty C,TP. Hồ Chí Minh,01/02/2020,6201,Đang hoạt động,"Số 3, Phường Vũng Tàu, TP. Hồ Chí Minh"',
      '7900000002,Công ty D,TP. Hồ Chí Minh,01/02/2020,6201,Đang hoạt động,"Lô 7, KCN Không Tên"',
    ];
    const exportFile = path.join(dir, 'export.csv');
    await writeFile(exportFile, `${header}\r\n${rows.join('\r\n')}\r\n`);
    const ctx = await testContext([{ id: 'national', file: exportFile, format: 'vn-dkkd-csv' }]);
    await runInline(ctx, { asOf: '2026-01-31' });
    const manifest = await published(ctx, '2026-01-31');
    expect(manifest.inputs[0]).toMatchObject({
      accepted: 4,
      rejected: 0,
      address_conflicts: 1,
      legacy_sources: { column: 0, province: 2, commune: 1, none: 1 },
    });
    const rejects = await file(ctx, manifest, 'rejects/national.csv');
    const lines = rejects
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^2026-01-31,national,3,address_conflict,[^,]+,.*Thanh Hóa.*Nghệ An/);
    expect(manifest.outputs.find((o) => o.key === 'rejects/national.csv')?.rows).toBe(1);
    const communes = await file(ctx, manifest, 'communes.csv');
    expect(communes).toContain('14797,Phường Hạc Thành,38,Thanh Hóa,1,1,100.00');
    expect(communes).toContain('26506,Phường Vũng Tàu,79,Hồ Chí Minh,1,1,100.00');
    const json = JSON.parse(await file(ctx, manifest, 'communes.json')) as CommunesJson;
    expect(json.provinces.find((p) => p.code === '79')?.commune_coverage_pct).toBe(50);
    expect(json.provinces.find((p) => p.code === '40')).toMatchObject({
      commune_coverage_pct: 0,
      communes: [],
    });
  });
});
