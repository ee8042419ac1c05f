import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { parse } from 'yaml';
import { evaluateTargets, targetHistories } from '../../src/alerts/index.js';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { codeVersion } from '../../src/package/codeVersion.js';
import { runInline } from '../../src/runners/inline.js';
import { LocalStore } from '../../src/store/localStore.js';
import { writeFlatTarget } from '../support/fakeSnapshot.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { vnExport } from '../support/vnExport.js';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `38${String(10_000_000 + i).slice(-8)}`,
    name: `Công ty Số ${i}`,
    province: 'Thanh Hóa',
    founded: '01/01/2020',
    main: i % 3 === 0 ? '6201' : '4711',
  }));

/** Two published snapshots of a small export, made by the real pipeline, and their targets. */
export async function servedStore(): Promise<{
  ctx: PipelineContext;
  evaluations: (asOf: string) => ReturnType<typeof evaluateTargets>;
  histories: (asOf: string) => ReturnType<typeof targetHistories>;
}> {
  const dir = await tempDir('dte-serve-');
  const first = path.join(dir, 'a.csv');
  const second = path.join(dir, 'b.csv');
  await writeFile(first, vnExport(rows(30)));
  await writeFile(second, vnExport(rows(45)));
  const ctx = await testContext([{ id: 'national', file: first, format: 'vn-dkkd-csv' }], { baseDir: dir });
  ctx.config.targets = await writeFlatTarget(dir);
  await runInline(ctx, { asOf: '2025-03-31' });
  ctx.config.feeds = [{ ...ctx.config.feeds[0]!, source: { type: 'file', path: second } }];
  await runInline(ctx, { asOf: '2025-06-30' });
  return {
    ctx,
    evaluations: (asOf) => evaluateTargets(ctx, asOf),
    histories: (asOf) => targetHistories(ctx, asOf),
  };
}

/** The committed demo series through the inline runner, as `npm run demo` does; its dates, oldest first. */
export async function demoStore(): Promise<{ ctx: PipelineContext; dates: string[] }> {
  const store = new LocalStore(path.join(await tempDir('dte-demo-'), 'store'));
  const { series } = parse(await readFile('fixtures/demo/feeds.yaml', 'utf8')) as {
    series: Array<{ as_of: string; file: string }>;
  };
  let ctx: PipelineContext | undefined;
  for (const entry of series) {
    ctx = {
      store,
      logger: pino({ level: 'silent' }),
      config: configSchema.parse({
        targets: path.resolve('fixtures/targets.yaml'),
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
    await runInline(ctx, { asOf: entry.as_of });
  }
  return { ctx: ctx!, dates: series.map((s) => String(s.as_of)) };
}
