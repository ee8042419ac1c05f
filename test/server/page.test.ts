import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateTargets, targetHistories } from '../../src/alerts/index.js';
import type { PipelineContext } from '../../src/context/context.js';
import { runInline } from '../../src/runners/inline.js';
import { buildServer } from '../../src/server/app.js';
import { LocalStore } from '../../src/store/localStore.js';
import type { ObjectStore } from '../../src/store/objectStore.js';
import { tempDir } from '../support/pipelineContext.js';
import { servedStore } from './fixture.js';

/** The store as the server sees it, with every read and listing it makes written down. */
function counted(store: ObjectStore): { store: ObjectStore; reads: string[] } {
  const reads: string[] = [];
  const wrapped: ObjectStore = {
    url: store.url,
    put: (key, body, options) => store.put(key, body, options),
    putUnhashed: (key, body, options) => store.putUnhashed(key, body, options),
    putIfAbsent: (key, body) => store.putIfAbsent(key, body),
    get: (key) => {
      reads.push(`get ${key}`);
      return store.get(key);
    },
    head: (key) => {
      reads.push(`head ${key}`);
      return store.head(key);
    },
    list: (prefix) => {
      reads.push(`list ${prefix}`);
      return store.list(prefix);
    },
    delete: (key) => store.delete(key),
    removeTemporary: (prefix, ms) => store.removeTemporary(prefix, ms),
    presignGet: (key, seconds) => store.presignGet(key, seconds),
    close: () => store.close(),
  };
  return { store: wrapped, reads };
}

let app: FastifyInstance;
let ctx: PipelineContext;
let reads: string[];

beforeAll(async () => {
  const served = await servedStore();
  const seen = counted(served.ctx.store);
  ctx = { ...served.ctx, store: seen.store };
  reads = seen.reads;
  app = await buildServer({
    store: seen.store,
    runtime: null,
    adminToken: undefined,
    logger: pino({ level: 'silent' }),
    evaluations: (asOf) => evaluateTargets(ctx, asOf),
    histories: (asOf) => targetHistories(ctx, asOf),
    sections: [async (input) => `<section id="extra">${input.as_of} ${input.published.length}</section>`],
  });
}, 60_000);

const between = (body: string, from: string, to: string) => body.slice(body.indexOf(from), body.indexOf(to));

describe('the page at any date', () => {
  it('shows the snapshot of ?as_of=D, selected in the picker, with its files and a link to the latest', async () => {
    const res = await app.inject('/?as_of=2025-03-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<time id="as-of" datetime="2025-03-31">31/03/2025</time>');
    expect(res.body).toContain('<option value="2025-03-31" selected>31/03/2025</option>');
    expect(res.body).toContain('<option value="2025-06-30">30/06/2025 (mới nhất)</option>');
    expect(res.body).toContain('/api/snapshots/2025-03-31/files/provinces.csv');
    expect(res.body).not.toContain('/api/snapshots/2025-06-30/');
    expect(res.body).toContain('<a id="newest" href="/">');
    expect(res.body).toContain('<section id="extra">2025-03-31 2</section>');
  });

  it('links earlier periods to their pages, not to raw manifests, and keeps the language', async () => {
    const vi = (await app.inject('/')).body;
    expect(vi).toContain('datetime="2025-06-30"');
    expect(between(vi, '<nav class="earlier">', '</nav>')).toContain('href="/?as_of=2025-03-31"');
    expect(vi).not.toContain('href="/api/snapshots/2025-03-31"');
    const en = (await app.inject('/?as_of=2025-06-30&lang=en')).body;
    expect(en).toContain('href="/?as_of=2025-03-31&amp;lang=en"');
    expect(en).toContain('href="/?as_of=2025-06-30" hreflang="vi"');
    expect(en).toContain('<input type="hidden" name="lang" value="en">');
  });

  it.each([
    ['/?as_of=2025-02-30', 400, 'Ngày không hợp lệ'],
    ['/?as_of=31/03/2025', 400, 'Ngày không hợp lệ'],
    ['/?as_of=2024-01-01', 404, 'Không có kỳ số liệu được công bố cho ngày <b>01/01/2024</b>'],
    ['/?as_of=2024-01-01&lang=en', 404, 'No snapshot was published for <b>1 Jan 2024</b>'],
  ])('answers %s with %i and a page saying why', async (url, code, text) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(code);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain(text);
    expect(res.body).toContain('<select id="as-of-picker" name="as_of">');
  });
});

describe('numbers, charts and files', () => {
  it('writes numbers and dates the Vietnamese way in vi and the English way in en', async () => {
    const vi = (await app.inject('/?as_of=2025-06-30')).body;
    const en = (await app.inject('/?as_of=2025-06-30&lang=en')).body;
    // 15 DTEs of 45 active enterprises; the flat target expects 100.
    expect(vi).toContain('<td class="" data-label="Tỷ lệ">33,33 %</td>');
    expect(en).toContain('<td class="" data-label="Share">33.33%</td>');
    expect(vi).toContain('<dt>Chênh lệch</dt><dd>−85 %</dd>');
    expect(en).toContain('<dt>Gap</dt><dd>−85%</dd>');
    expect(vi).toContain('31/12/2025: <b>100 DN</b>');
    expect(en).toContain('31 Dec 2025: <b>100 enterprises</b>');
    expect(vi).toMatch(/data-label="Thay đổi so với kỳ trước"><span class="up">\+5<\/span>/);
  });

  it('draws every snapshot since the baseline, coloured by status, and the labelled milestone', async () => {
    const body = (await app.inject('/?as_of=2025-06-30')).body;
    const chart = between(body, '<svg class="chart"', '</svg>');
    expect(chart.match(/<circle class="point critical" data-as-of="[\d-]+"/g)).toEqual([
      '<circle class="point critical" data-as-of="2025-03-31"',
      '<circle class="point critical" data-as-of="2025-06-30"',
    ]);
    expect(chart).toMatch(/<g class="milestone" data-date="2025-12-31">.*>2025: 100<\/text><\/g>/);
    expect(chart).toContain('<polyline class="expected"');
    expect(chart).not.toMatch(/font-size="(\d|1[01])"/);
    // The province table's sparkline: Thanh Hóa's DTEs at both dates.
    expect(body).toContain('aria-label="31/03/2025: 10; 30/06/2025: 15"');
  });

  it('explains each file and folds the internal partitions and the manifest away', async () => {
    const body = (await app.inject('/?as_of=2025-06-30')).body;
    const plain = between(body, '<section id="files">', '<details class="technical">');
    const technical = between(body, '<details class="technical">', '</details>');
    expect(plain).toMatch(
      />provinces\.csv<\/a> <span class="meta">CSV · [\d,]+ kB · 35 dòng<\/span><br><span class="desc">Chỉ tiêu/,
    );
    expect(plain).toContain('>rejects/national.csv</a>');
    expect(plain).not.toContain('enterprises/part-');
    expect(technical).toContain('>enterprises/part-00.ndjson.gz</a> <span class="meta">NDJSON (gzip) ·');
    expect(technical).toContain(
      'href="/api/snapshots/2025-06-30" download="2025-06-30_manifest.json">manifest.json</a>',
    );
    expect(plain.indexOf('provinces.csv')).toBeLessThan(plain.indexOf('dte_enterprises.csv'));
  });
});

describe('caching what a published snapshot holds', () => {
  it('reads only latest.json (and the date asked for) once a page has been served', async () => {
    await app.inject('/');
    await app.inject('/?as_of=2025-03-31');
    reads.length = 0;
    expect((await app.inject('/')).statusCode).toBe(200);
    expect(reads).toEqual(['get snapshots/latest.json']);
    reads.length = 0;
    expect((await app.inject('/?as_of=2025-03-31')).statusCode).toBe(200);
    expect(reads).toEqual(['get snapshots/latest.json', 'get snapshots/2025-03-31/current.json']);
  });

  it('lists the snapshots of /api/snapshots from the same cache', async () => {
    const manifest = (await app.inject('/api/snapshots/2025-03-31')).json() as { outputs: unknown[] };
    await app.inject('/api/snapshots');
    reads.length = 0;
    const list = (await app.inject('/api/snapshots')).json() as Array<{ as_of: string; files: number }>;
    expect(list.map((s) => s.as_of)).toEqual(['2025-03-31', '2025-06-30']);
    expect(list[0]!.files).toBe(manifest.outputs.length);
    expect(reads).toEqual(['get snapshots/latest.json']);
  });

  it('sees a newly published snapshot on the next request', async () => {
    await runInline(ctx, { asOf: '2025-09-30' });
    const body = (await app.inject('/')).body;
    expect(body).toContain('datetime="2025-09-30"');
    expect(body.match(/<option /g)).toHaveLength(3);
    expect(between(body, '<svg class="chart"', '</svg>').match(/<circle class="point/g)).toHaveLength(3);
  });
});

describe('caching the rendered page', () => {
  it('serves one rendering per published set, and shows a changed section or a new publish at once', async () => {
    const served = await servedStore();
    let note = 'first';
    let evaluated = 0;
    const server = await buildServer({
      store: served.ctx.store,
      runtime: null,
      adminToken: undefined,
      logger: pino({ level: 'silent' }),
      evaluations: (asOf) => {
        evaluated++;
        return served.evaluations(asOf);
      },
      histories: served.histories,
      sections: [async () => `<section id="note">${note}</section>`],
    });
    const first = (await server.inject('/')).body;
    expect((await server.inject('/')).body).toBe(first);
    expect(evaluated).toBe(1);
    note = 'second';
    const changed = (await server.inject('/')).body;
    expect(changed).toContain('<section id="note">second</section>');
    expect(changed.replace('second', 'first')).toBe(first);
    await runInline(served.ctx, { asOf: '2025-09-30' });
    const after = (await server.inject('/')).body;
    expect(after).toContain('datetime="2025-09-30"');
    expect((await server.inject('/?as_of=2025-06-30')).body).toContain('value="2025-09-30"');
    await server.close();
  });
});

describe('a store with nothing published, and a server without histories', () => {
  it('says nothing has been published yet, and 404 for any date', async () => {
    const empty = await buildServer({
      store: new LocalStore(path.join(await tempDir('dte-empty-'), 'store')),
      runtime: null,
      adminToken: undefined,
      logger: pino({ level: 'silent' }),
      evaluations: async () => [],
    });
    const res = await empty.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Chưa có kỳ số liệu nào được công bố.');
    expect(res.body).not.toContain('as-of-picker');
    expect((await empty.inject('/?as_of=2025-06-30')).statusCode).toBe(404);
    await empty.close();
  });

  it('still draws each target from its evaluation when no histories are given', async () => {
    const served = await servedStore();
    const plain = await buildServer({
      store: served.ctx.store,
      runtime: null,
      adminToken: undefined,
      logger: pino({ level: 'silent' }),
      evaluations: served.evaluations,
    });
    const chart = between((await plain.inject('/')).body, '<svg class="chart"', '</svg>');
    expect(chart.match(/<circle class="point/g)).toHaveLength(2);
    expect(chart).not.toContain('class="milestone"');
    await plain.close();
  });
});
