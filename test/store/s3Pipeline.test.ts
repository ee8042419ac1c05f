import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { codeVersion } from '../../src/package/codeVersion.js';
import { runInline } from '../../src/runners/inline.js';
import { readAll } from '../../src/store/bodies.js';
import { LocalStore } from '../../src/store/localStore.js';
import type { ObjectStore } from '../../src/store/objectStore.js';
import { S3Store } from '../../src/store/s3Store.js';
import { tempDir } from '../support/pipelineContext.js';
import { startS3, type TestS3 } from '../support/s3server.js';
import { publishedFiles } from '../support/series.js';

const run = promisify(execFile);
let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3();
}, 30_000);
afterAll(async () => {
  await s3?.close();
});

async function demoInto(store: ObjectStore): Promise<PipelineContext> {
  const { series } = parse(await readFile('fixtures/demo/feeds.yaml', 'utf8')) as {
    series: Array<{ as_of: string; file: string }>;
  };
  let ctx: PipelineContext | undefined;
  for (const entry of series) {
    ctx = {
      store,
      logger: pino({ level: 'silent' }),
      config: configSchema.parse({
        feeds: [
          {
            id: 'national',
            format: 'vn-dkkd-csv',
            source: { type: 'file', path: path.resolve('fixtures/demo', entry.file) },
          },
        ],
      }),
      baseDir: process.cwd(),
      codeVersion: codeVersion(),
    };
    expect((await runInline(ctx, { asOf: entry.as_of })).status).toBe('published');
  }
  return ctx!;
}

describe('the demo series on S3', () => {
  it('publishes data files byte-identical to the local store, and dte snapshots get downloads them unchanged', async () => {
    const local = await demoInto(new LocalStore(path.join(await tempDir('dte-s3-local-'), 'store')));
    const remote = await demoInto(
      new S3Store(`s3://${s3.bucket}/demo`, { endpoint: s3.endpoint, forcePathStyle: true }),
    );
    const localFiles = await publishedFiles(local);
    expect(Object.keys(localFiles)).toHaveLength(9);
    expect(await publishedFiles(remote)).toEqual(localFiles);

    const out = path.join(await tempDir('dte-get-'), 'provinces.csv');
    const env = {
      ...process.env,
      S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: 'us-east-1',
      DTE_STORE: `s3://${s3.bucket}/demo`,
    };
    const { stdout } = await run(
      process.execPath,
      ['dist/src/cli/main.js', 'snapshots', 'get', '2026-09-30', 'provinces.csv', '--out', out],
      { env },
    );
    const sha = createHash('sha256')
      .update(await readFile(out))
      .digest('hex');
    expect(stdout).toContain(sha);
    expect(sha).toBe(localFiles['2026-09-30']!['provinces.csv']);
    const listed = await run(process.execPath, ['dist/src/cli/main.js', 'snapshots', 'list', '--json'], {
      env,
    });
    expect((JSON.parse(listed.stdout) as Array<{ as_of: string }>).map((s) => s.as_of)).toHaveLength(9);
    const url = (
      await run(
        process.execPath,
        ['dist/src/cli/main.js', 'snapshots', 'url', '2026-09-30', 'dte_enterprises.csv', '--expires', '60'],
        { env },
      )
    ).stdout.trim();
    // dte sql downloads the Parquet tables from S3; the history there is the local store's, byte for byte.
    const sql = await run(
      process.execPath,
      [
        'dist/src/cli/main.js',
        'sql',
        "SELECT count(*) AS n, count(DISTINCT as_of) AS dates FROM history WHERE code = '38'",
        '--format',
        'json',
      ],
      { env },
    );
    expect(JSON.parse(sql.stdout)).toEqual([{ n: 9, dates: 9 }]);
    for (const key of ['history/provinces.parquet', 'history/targets.csv']) {
      const [a, b] = await Promise.all([
        readAll(await local.store.get(key)),
        readAll(await remote.store.get(key)),
      ]);
      expect(b.equals(a), key).toBe(true);
    }
    const res = await fetch(url);
    // The presigned answer names the download as the HTTP surface does.
    expect(res.headers.get('content-disposition')).toContain('filename="2026-09-30_dte_enterprises.csv"');
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      localFiles['2026-09-30']!['dte_enterprises.csv'],
    );
  }, 180_000);
});
