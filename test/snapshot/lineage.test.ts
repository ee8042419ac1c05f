import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadName } from '../../src/snapshot/layout.js';
import { publishSmall } from '../support/smallSnapshot.js';

describe('download names and lineage', () => {
  it('names every download <as_of>_<file>, the folders of a key joined with _', () => {
    expect(downloadName('2025-06-30', 'provinces.csv')).toBe('2025-06-30_provinces.csv');
    expect(downloadName('2025-06-30', 'rejects/national.csv')).toBe('2025-06-30_rejects_national.csv');
    expect(downloadName('2025-06-30', 'enterprises/part-03.ndjson.gz')).toBe(
      '2025-06-30_enterprises_part-03.ndjson.gz',
    );
    expect(contentDisposition('2025-06-30_rejects_tỉnh.csv')).toBe(
      `attachment; filename="2025-06-30_rejects_t_nh.csv"; filename*=UTF-8''2025-06-30_rejects_t%E1%BB%89nh.csv`,
    );
  });

  it('names a file source by its file name in the manifest, never by a path of this machine', async () => {
    const { manifest } = await publishSmall();
    expect(manifest.inputs.map((i) => i.source)).toEqual(['export.csv']);
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('/tmp');
    expect(text).not.toContain(process.cwd());
  });
});
