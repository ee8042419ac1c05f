import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineContext } from '../../src/context/context.js';
import { runInline } from '../../src/runners/inline.js';
import { readLatest, readManifest } from '../../src/snapshot/catalog.js';
import { snapshotKeys } from '../../src/snapshot/layout.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { readAll } from '../../src/store/bodies.js';
import { tempDir, testContext } from './pipelineContext.js';
import { type VnRow, vnExport } from './vnExport.js';

/** A DTE, a pre-2025 province, a non-DTE and a rejected row: every table of a snapshot has rows. */
export const SMALL_ROWS: VnRow[] = [
  {
    id: '2800000001',
    name: 'Công ty Phần mềm Hàm Rồng',
    province: 'Thanh Hóa',
    founded: '15/03/2020',
    main: '6201',
    address: 'Số 1, Phường Hạc Thành, Tỉnh Thanh Hóa',
  },
  {
    id: '3500000001',
    name: 'Công ty Vũng Tàu',
    province: 'Bà Rịa - Vũng Tàu',
    founded: '01/01/2021',
    main: '6202',
  },
  { id: '0100000002', name: '=Công ty Bánh Phở', province: 'Hà Nội', founded: '01/01/2010', main: '1074' },
  {
    id: '0100588577',
    name: 'Công ty Dữ liệu Thủ Đô',
    province: 'Hà Nội',
    founded: '01/06/2025',
    main: '6311',
  },
  { id: 'bad-id', name: 'Sai mã', province: 'Hà Nội', founded: '01/01/2010', main: '6201' },
];

export interface SmallSnapshot {
  ctx: PipelineContext;
  manifest: Manifest;
  /** A file of the snapshot as UTF-8 text. */
  text(name: string): Promise<string>;
  bytes(name: string): Promise<Buffer>;
}

/** Publishes one small `vn-dkkd-csv` export (extra raw lines appended as they are) with the inline runner. */
export async function publishSmall(
  options: { asOf?: string; rows?: VnRow[]; extraLines?: string[]; feedId?: string } = {},
): Promise<SmallSnapshot> {
  const dir = await tempDir();
  const file = path.join(dir, 'export.csv');
  const body = vnExport(options.rows ?? SMALL_ROWS);
  await writeFile(file, body + (options.extraLines ?? []).map((l) => `${l}\r\n`).join(''));
  const ctx = await testContext([{ id: options.feedId ?? 'national', file, format: 'vn-dkkd-csv' }]);
  await runInline(ctx, { asOf: options.asOf ?? '2025-09-30' });
  const manifest = (await readManifest(ctx.store, (await readLatest(ctx.store))!))!;
  const bytes = async (name: string) =>
    readAll(await ctx.store.get(snapshotKeys.file(manifest.as_of, manifest.run_id, name)));
  return { ctx, manifest, bytes, text: async (name) => (await bytes(name)).toString('utf8') };
}
