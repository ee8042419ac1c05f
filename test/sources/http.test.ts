import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { runInline } from '../../src/runners/inline.js';
import { listPublished, readLatest } from '../../src/snapshot/catalog.js';
import { testContext } from '../support/pipelineContext.js';
import { vnExport } from '../support/vnExport.js';

const row = (id: string) => ({
  id,
  name: `Công ty ${id}`,
  province: 'Hà Nội',
  founded: '01/01/2020',
  main: '6201',
});
let body = vnExport([row('0100000001'), row('0100000002')]);
let requests: Array<{ path: string; ifNoneMatch: string | undefined }> = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    if (req.url === '/missing.csv') return void res.writeHead(404).end('not found');
    if (req.url === '/slow.csv') return void setTimeout(() => res.writeHead(200).end(body), 2000);
    if (req.url === '/huge.csv')
      return void res.writeHead(200, { 'content-type': 'text/csv' }).end(body.repeat(50));
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { etag, 'content-type': 'text/csv; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function httpContext(path: string, extra: Record<string, unknown> = {}): Promise<PipelineContext> {
  const ctx = await testContext([{ id: 'registry', file: 'unused', format: 'vn-dkkd-csv' }]);
  ctx.config.feeds = [
    {
      ...ctx.config.feeds[0]!,
      source: { type: 'http', url: `${base}${path}`, timeout_ms: 500, retries: 1, backoff_ms: 10, ...extra },
    },
  ];
  return ctx;
}

describe('a feed served over HTTP', () => {
  it('is fetched once, skipped while unchanged (304), and fetched again when it changes', async () => {
    const ctx = await httpContext('/exports/latest.csv');
    requests = [];
    expect((await runInline(ctx, { asOf: '2025-06-01' })).status).toBe('published');
    const second = await runInline(ctx, { asOf: '2025-06-02' });
    expect(second.status).toBe('unchanged');
    expect(requests[1]?.ifNoneMatch).toMatch(/^"/);
    expect((await listPublished(ctx.store)).map((p) => p.as_of)).toEqual(['2025-06-01']);
    body = vnExport([row('0100000001'), row('0100000002'), row('0100000003')]);
    const third = await runInline(ctx, { asOf: '2025-06-03' });
    expect(third.status).toBe('published');
    if (third.status === 'published') {
      expect(third.plan.feeds[0]).toMatchObject({
        fetch_status: 'fetched',
        rows_read: 3,
        source: `${base}/exports/latest.csv`,
      });
      expect(third.plan.feeds[0]!.raw_key).toMatch(/^raw\/registry\/2025-06-03\/[0-9a-f]{64}\.csv$/);
    }
    expect((await readLatest(ctx.store))?.as_of).toBe('2025-06-03');
  });

  it.each([
    ['a 404', '/missing.csv', {}, /HTTP 404/],
    ['a slow server (timeout)', '/slow.csv', { timeout_ms: 200 }, /within 200 ms/],
    ['an oversized body', '/huge.csv', { max_bytes: 1000 }, /max_bytes 1000/],
  ])(
    'fails the feed clearly on %s and publishes nothing',
    async (_label, path, extra, message) => {
      const ctx = await httpContext(path, extra);
      const failure = runInline(ctx, { asOf: '2025-06-01' });
      await expect(failure).rejects.toThrow(message);
      await failure.catch((error: { context?: Record<string, unknown> }) =>
        expect(error.context?.feed).toBe('registry'),
      );
      expect(await listPublished(ctx.store)).toEqual([]);
      expect(await readLatest(ctx.store)).toBeNull();
    },
    20_000,
  );
});
