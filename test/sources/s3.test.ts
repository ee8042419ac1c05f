import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInline } from '../../src/runners/inline.js';
import { S3Store } from '../../src/store/s3Store.js';
import { testContext } from '../support/pipelineContext.js';
import { startS3, type TestS3 } from '../support/s3server.js';
import { vnExport } from '../support/vnExport.js';

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3('exports');
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.S3_FORCE_PATH_STYLE = 'true';
}, 30_000);
afterAll(async () => {
  delete process.env.S3_ENDPOINT;
  delete process.env.S3_FORCE_PATH_STYLE;
  await s3?.close();
});

const row = (id: string) => ({
  id,
  name: `Công ty ${id}`,
  province: 'Nghệ An',
  founded: '01/01/2020',
  main: '6202',
});

describe('a feed in an S3 bucket', () => {
  it('reads one object, or the newest under a prefix, and archives its exact bytes', async () => {
    const bucket = new S3Store('s3://exports', { endpoint: s3.endpoint, forcePathStyle: true });
    await bucket.put('nghe-an/2025-05-31.csv', vnExport([row('2900000001')]));
    await new Promise((r) => setTimeout(r, 1100));
    await bucket.put('nghe-an/2025-06-30.csv', vnExport([row('2900000001'), row('2900000002')]));
    const ctx = await testContext([{ id: 'nghe-an', file: 'unused', format: 'vn-dkkd-csv' }]);
    ctx.config.feeds = [
      { ...ctx.config.feeds[0]!, source: { type: 's3', url: 's3://exports/nghe-an/', newest: true } },
    ];
    const newest = await runInline(ctx, { asOf: '2025-06-30' });
    expect(newest.status).toBe('published');
    if (newest.status === 'published')
      expect(newest.plan.feeds[0]).toMatchObject({
        rows_read: 2,
        source: 's3://exports/nghe-an/2025-06-30.csv',
      });
    ctx.config.feeds = [
      { ...ctx.config.feeds[0]!, source: { type: 's3', url: 's3://exports/nghe-an/2025-05-31.csv' } },
    ];
    const one = await runInline(ctx, { asOf: '2025-05-31' });
    if (one.status === 'published') expect(one.plan.feeds[0]!.rows_read).toBe(1);
    expect(one.status).toBe('published');
  }, 30_000);
});
